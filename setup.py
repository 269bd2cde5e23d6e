"""Builds the two compiled modules, the CIN census reader's walk (`formats/_census_walk.pyx`)
and the XML depth check (`common/_xml_depth.pyx`), against the libxml2 and lxml headers that
lxml ships. Everything else is in pyproject.toml."""

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
            ),
            Extension(
                "csc_insight.common._xml_depth",
                ["src/csc_insight/common/_xml_depth.pyx"],
                include_dirs=lxml.get_include(),
            ),
        ],
        compiler_directives={"language_level": 3},
    )
)
