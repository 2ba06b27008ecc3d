"""Check, build and publish States' self-assessments under UNTOC and its Protocols."""
