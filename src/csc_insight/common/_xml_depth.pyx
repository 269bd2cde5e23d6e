# cython: language_level=3, boundscheck=False, wraparound=False
"""How deep an lxml element's subtree goes, walked in C (`xml_safety`'s depth check).

`xml_safety` checks the part of a file in memory for nesting deeper than its limit every
thousand elements. An XPath of the limit's length did it, building a node set of every
element at each level: 2 s of CPU on an England-sized census, a tenth of its reading. This
walks the libxml2 nodes under the element without making a Python object per node.
"""

from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Element, import_lxml__etree

import_lxml__etree()


def reaches(_Element root not None, int levels):
    """Whether an element lies `levels` levels below `root` (its children are one level
    below it): what the XPath `boolean(*/*/.../*)` of `levels` steps from `root` says."""
    cdef tree.xmlNode* top = root._c_node
    cdef tree.xmlNode* node = top.children
    cdef int depth = 1  # of `node` below `root`
    if levels <= 0:
        return True
    while node != NULL:
        if node.type == tree.XML_ELEMENT_NODE:
            if depth >= levels:
                return True
            if node.children != NULL:
                node = node.children
                depth += 1
                continue
        # the next node: a sibling, or the sibling of the nearest ancestor that has one
        while node.next == NULL:
            node = node.parent
            depth -= 1
            if node == top or node == NULL:
                return False
        node = node.next
    return False
