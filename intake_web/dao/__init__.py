"""All reads and writes of the case store. Views, the CLI and the intake service call these."""
