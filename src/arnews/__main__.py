"""`python -m arnews ...` is the `arnews` command."""
from arnews.cli import main

main()
