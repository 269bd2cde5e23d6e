"""Builds the one compiled module, the CIN census reader's walk (`formats/_census_walk.pyx`),
against the libxml2 and lxml headers that lxml ships. Everything else is in pyproject.toml."""

import lxml
from Cython.Build import cythonize
from setuptools import Extension, setup

setup(
    ext_modules=cythonize(
        [
            Extension(
                "csc_insight.formats._census_walk",
                ["src/csc_insight/formats/_census_walk.pyx"],
                include_dirs=lxml.get_include(),
            )
        ],
        compiler_directives={"language_level": 3},
    )
)
