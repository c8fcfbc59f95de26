# Partnering marketplace: profiles, lifecycle, marketplace search.

nav-marketplace = Marketplace
