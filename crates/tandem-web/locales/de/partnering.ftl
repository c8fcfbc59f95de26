# Kooperationsbörse: Profile, Lebenszyklus, Suche.

nav-marketplace = Kooperationsbörse
