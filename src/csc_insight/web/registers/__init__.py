"""The register pages (views, forms, routes); the registers themselves are
`csc_insight.registers`."""
