"""Personal data (RGPD): export, deletion, anonymisation of inactive files."""
