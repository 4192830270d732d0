"""ClusterDev: an open platform for MSME cluster development in India."""

__version__ = "0.1.0"
