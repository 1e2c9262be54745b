import GeoHealthCLI

// Everything the command does is in GeoHealthCLI, which the tests import.
GeoHealth.main()
