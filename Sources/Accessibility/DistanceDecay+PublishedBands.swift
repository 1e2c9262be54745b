/// The published stepwise weights of the floating-catchment family, each with its catchment
/// (the upper bound of its last band, beyond which every weight is 0).
extension DistanceDecay {
    /// The E2SFCA bands of W. Luo and Y. Qi, "An enhanced two-step floating catchment area
    /// (E2SFCA) method for measuring spatial accessibility to primary care physicians",
    /// Health & Place 15(4), 2009 (doi:10.1016/j.healthplace.2009.06.002): weight 1 up to 10
    /// minutes, 0.68 up to 20, 0.22 up to 30 (the weights the paper gives its three travel-time
    /// zones), 0 beyond. The default of `e2sfca`.
    public static let luoQi = DistanceDecay.steps([
        Band(upTo: 10, weight: 1), Band(upTo: 20, weight: 0.68), Band(upTo: 30, weight: 0.22),
    ])

    /// The catchment of ``luoQi``: 30 minutes, its last band. The default catchment of the
    /// floating-catchment methods other than APL (``APLParameters/catchmentMinutes``).
    public static let luoQiCatchmentMinutes = 30.0

    /// The DREES APL time bands for general practitioners: 1 up to 10 minutes, 2/3 up to 15,
    /// 1/3 up to 20, 0 beyond (DREES, Barlet, Coldefy, Collin, Lucas-Gabrielli, "L'accessibilité
    /// potentielle localisée (APL) : une nouvelle mesure de l'accessibilité aux médecins
    /// généralistes libéraux", Études et Résultats 795, 2012; and the DREES APL method notes).
    /// Their catchment is ``APLParameters/catchmentMinutes``.
    public static let dreesGeneralPractitioners = DistanceDecay.steps([
        Band(upTo: 10, weight: 1), Band(upTo: 15, weight: 2.0 / 3), Band(upTo: 20, weight: 1.0 / 3),
    ])
}
