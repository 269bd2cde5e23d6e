# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The CIN census reader's walk over each `Child`, in C.

`cin_census` streams the file with lxml and hands each parsed `Child` element here. This
walks the element's libxml2 nodes directly (lxml's public C API gives the node; no Python
object is made per element) and appends each block's row to column buffers that become
Arrow arrays without a Python string per value. On an England-sized census the walk in
Python, one lxml proxy and one string per element, was most of the reader's time.

It reads exactly what `cin_census` documents, as the Python walk it replaces did:
- an element's text is lxml's `.text` (its leading text and CDATA nodes) trimmed of what
  Python's `str.strip` removes, None when blank;
- where a name appears twice, the first is read; repeated blocks (CINdetails, Assessments,
  CINPlanDates, Section47, ChildProtectionPlans, Reviews/CPPreviewDate,
  PreProceedingsandFGDM) are each a row, in the order `cin_census` lists them;
- names are matched without their namespace; every element met among the children of an
  element that is read, and not wanted there, is named in `unwanted` (at most 1,000
  names, as a hostile file may invent millions);
- a row's line is the line of its element's start tag, past line 65,535 too
  (`xml_safety.line_of`).
"""

from cpython.bytes cimport PyBytes_FromStringAndSize
from libc.stdint cimport int32_t, int64_t, uint8_t
from libc.stdlib cimport free, realloc
from libc.string cimport memcpy, memset, strcmp
from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Element, import_lxml__etree

import pyarrow as pa

from csc_insight.common.child_ids import normalise_child_id

import_lxml__etree()


cdef extern from "libxml/tree.h":
    # The fields lxml's declaration of xmlNode leaves out.
    ctypedef struct _Node "xmlNode":
        void* psvi
        unsigned short line


cdef int _REMEMBER = 1000
cdef int _BIG_LINE = 65535


cdef class _Strings:
    """One Arrow string column being built: UTF-8 bytes, offsets and a validity bitmap."""

    cdef char* data
    cdef int32_t* offsets
    cdef uint8_t* valid
    cdef Py_ssize_t n, size, cap_data, cap_rows, nulls

    def __dealloc__(self):
        free(self.data)
        free(self.offsets)
        free(self.valid)

    cdef int _room(self, Py_ssize_t length) except -1:
        cdef Py_ssize_t rows, data
        if self.n + 1 >= self.cap_rows:
            rows = max(1024, self.cap_rows * 2)
            self.offsets = <int32_t*>_grow(self.offsets, (rows + 1) * sizeof(int32_t))
            self.valid = <uint8_t*>_grow(self.valid, rows // 8 + 1)
            memset(self.valid + self.cap_rows // 8, 0, rows // 8 + 1 - self.cap_rows // 8)
            if self.cap_rows == 0:
                self.offsets[0] = 0
            self.cap_rows = rows
        if self.size + length > self.cap_data:
            data = max(self.size + length, max(65536, self.cap_data * 2))
            self.data = <char*>_grow(self.data, data)
            self.cap_data = data
        return 0

    cdef int add(self, const char* text, Py_ssize_t length) except -1:
        """Append a value; NULL text is a null."""
        self._room(length if text != NULL else 0)
        if text == NULL:
            self.nulls += 1
        else:
            memcpy(self.data + self.size, text, length)
            self.size += length
            self.valid[self.n >> 3] |= <uint8_t>(1 << (self.n & 7))
        self.n += 1
        self.offsets[self.n] = <int32_t>self.size
        return 0

    cdef object take(self):
        cdef Py_ssize_t n = self.n
        if n == 0:
            return pa.array([], pa.string())
        buffers = [
            pa.py_buffer(PyBytes_FromStringAndSize(<char*>self.valid, (n + 7) // 8)),
            pa.py_buffer(PyBytes_FromStringAndSize(<char*>self.offsets, (n + 1) * sizeof(int32_t))),
            pa.py_buffer(PyBytes_FromStringAndSize(self.data, self.size)),
        ]
        array = pa.Array.from_buffers(pa.string(), n, buffers, null_count=self.nulls)
        memset(self.valid, 0, self.cap_rows // 8 + 1)
        self.n = self.size = self.nulls = 0
        return array


cdef void* _grow(void* block, size_t size) except NULL:
    cdef void* bigger = realloc(block, size)
    if bigger == NULL:
        raise MemoryError()
    return bigger


cdef class _Block:
    """The rows of one block being built: key, the parent's key (blocks under CINdetails or
    a plan), the text columns and the line."""

    cdef int64_t* keys
    cdef int64_t* parents
    cdef int32_t* lines
    cdef Py_ssize_t n, cap
    cdef bint with_parent
    cdef list texts

    def __cinit__(self, int columns, bint with_parent):
        self.with_parent = with_parent
        self.texts = [_Strings() for _ in range(columns)]

    def __dealloc__(self):
        free(self.keys)
        free(self.parents)
        free(self.lines)

    cdef int row(self, int64_t key, int64_t parent, int32_t line) except -1:
        if self.n == self.cap:
            self.cap = max(1024, self.cap * 2)
            self.keys = <int64_t*>_grow(self.keys, self.cap * sizeof(int64_t))
            self.parents = <int64_t*>_grow(self.parents, self.cap * sizeof(int64_t))
            self.lines = <int32_t*>_grow(self.lines, self.cap * sizeof(int32_t))
        self.keys[self.n] = key
        self.parents[self.n] = parent
        self.lines[self.n] = line
        self.n += 1
        return 0

    cdef _Strings text(self, int column):
        return <_Strings>self.texts[column]

    def take(self):
        """The buffered rows as Arrow arrays in `cin_census.BLOCKS`' order (key, child_id,
        the parent's key when there is one, the other texts, line), and the buffers emptied."""
        cdef Py_ssize_t n = self.n
        texts = [(<_Strings>column).take() for column in self.texts]
        arrays = [_ints(pa.int64(), self.keys, n, sizeof(int64_t)), texts[0]]
        if self.with_parent:
            arrays.append(_ints(pa.int64(), self.parents, n, sizeof(int64_t)))
        arrays.extend(texts[1:])
        arrays.append(_ints(pa.int32(), self.lines, n, sizeof(int32_t)))
        self.n = 0
        return arrays


cdef object _ints(object kind, void* values, Py_ssize_t n, size_t width):
    data = PyBytes_FromStringAndSize(<char*>values, n * width)
    return pa.Array.from_buffers(kind, n, [None, pa.py_buffer(data)], null_count=0)


cdef class _Names:
    """The element names read among the children of one kind of element, and the other
    names met there (`unwanted`)."""

    cdef list owned  # the bytes that `names` points into
    cdef const char* names[16]
    cdef int count
    cdef set unwanted

    def __cinit__(self, set unwanted, *names):
        assert len(names) <= 16
        self.owned = [name.encode() for name in names]
        self.count = len(names)
        self.unwanted = unwanted
        for at in range(self.count):
            self.names[at] = <bytes>self.owned[at]

    cdef int find(self, const char* name) noexcept:
        cdef int at
        for at in range(self.count):
            if strcmp(name, self.names[at]) == 0:
                return at
        return -1

    cdef int pick(self, tree.xmlNode* parent, tree.xmlNode** first) except -1:
        """first[i]: the first child of `parent` named names[i] (NULL when none); every
        other name met is noted as unwanted."""
        cdef tree.xmlNode* node
        cdef int at
        for at in range(self.count):
            first[at] = NULL
        if parent == NULL:
            return 0
        node = parent.children
        while node != NULL:
            if node.type == tree.XML_ELEMENT_NODE:
                at = self.find(<const char*>node.name)
                if at < 0:
                    self.note(<const char*>node.name)
                elif first[at] == NULL:
                    first[at] = node
            node = node.next
        return 0

    cdef int note(self, const char* name) except -1:
        if len(self.unwanted) < _REMEMBER:
            self.unwanted.add(name.decode("utf-8"))
        return 0


cdef inline tree.xmlNode* _text_node(tree.xmlNode* node) noexcept:
    """lxml's `_textNodeOrSkip`: the node when it is text, past XInclude markers, else NULL."""
    while node != NULL:
        if node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE:
            return node
        if node.type == tree.XML_XINCLUDE_START or node.type == tree.XML_XINCLUDE_END:
            node = node.next
        else:
            return NULL
    return NULL


cdef inline const unsigned char* _content(tree.xmlNode* node) noexcept:
    """A text node's bytes ("" where libxml2 left none)."""
    if node.content == NULL:
        return <const unsigned char*>b""
    return <const unsigned char*>node.content


cdef inline bint _ascii_space(unsigned char c) noexcept:
    # The ASCII characters str.strip() removes: \t \n \v \f \r, \x1c-\x1f and space.
    return c == 32 or (9 <= c <= 13) or (28 <= c <= 31)


cdef long _line_number(tree.xmlNode* node, int depth) noexcept:
    """libxml2's `xmlGetLineNo`: a line past 65,535 is kept on a text node (`psvi`)."""
    cdef long result = -1
    cdef int kind
    if depth >= 5 or node == NULL:
        return -1
    kind = node.type
    if (
        kind == tree.XML_ELEMENT_NODE
        or kind == tree.XML_TEXT_NODE
        or kind == tree.XML_COMMENT_NODE
        or kind == tree.XML_PI_NODE
    ):
        if (<_Node*>node).line == 65535:
            if kind == tree.XML_TEXT_NODE and (<_Node*>node).psvi != NULL:
                result = <long>(<Py_ssize_t>(<_Node*>node).psvi)
            elif kind == tree.XML_ELEMENT_NODE and node.children != NULL:
                result = _line_number(node.children, depth + 1)
            elif node.next != NULL:
                result = _line_number(node.next, depth + 1)
            elif node.prev != NULL:
                result = _line_number(node.prev, depth + 1)
        if result == -1 or result == 65535:
            result = (<_Node*>node).line
    elif node.prev != NULL and (
        node.prev.type == tree.XML_ELEMENT_NODE
        or node.prev.type == tree.XML_TEXT_NODE
        or node.prev.type == tree.XML_COMMENT_NODE
        or node.prev.type == tree.XML_PI_NODE
    ):
        result = _line_number(node.prev, depth + 1)
    elif node.parent != NULL and node.parent.type == tree.XML_ELEMENT_NODE:
        result = _line_number(node.parent, depth + 1)
    return result


cdef int32_t _line_of(tree.xmlNode* element) noexcept:
    """`xml_safety.line_of` on the node: lxml's `sourceline`, and past line 65,535 (where
    that is the line after the start tag) the line less the newlines of the leading text,
    or the first child's line."""
    cdef long line = _line_number(element, 0)
    cdef tree.xmlNode* text
    cdef tree.xmlNode* child
    cdef const unsigned char* c
    cdef long newlines = 0
    cdef bint found = False
    if line <= 0:
        return 0
    if line < _BIG_LINE:
        return <int32_t>line
    text = _text_node(element.children)
    while text != NULL:
        c = _content(text)
        while c[0] != 0:
            found = True
            if c[0] == 10:
                newlines += 1
            c += 1
        text = _text_node(text.next)
    if found:
        return <int32_t>(line - newlines)
    child = element.children
    while child != NULL and not (
        child.type == tree.XML_ELEMENT_NODE
        or child.type == tree.XML_COMMENT_NODE
        or child.type == tree.XML_ENTITY_REF_NODE
        or child.type == tree.XML_PI_NODE
    ):
        child = child.next
    if child != NULL and child.type == tree.XML_ELEMENT_NODE:
        return _line_of(child)
    return <int32_t>line


cdef class Walker:
    """Turns each `Child` element into rows of the census's blocks (see the module)."""

    cdef readonly set unwanted
    cdef object without_details  # called (line, child_id) for a child with no CINdetails
    cdef int64_t counter
    cdef Py_ssize_t batch
    cdef readonly dict blocks
    cdef list order  # the blocks, for the check after each child
    cdef _Block children, referrals, assessments, cin_plans, s47s, cp_plans, reviews, pre
    cdef _Names child_parts, identifiers, characteristics, episode, assessment, cin_plan
    cdef _Names s47, cp_plan, review, pre_proceedings, disability, factors
    cdef bytes scratch  # the text of a value that needed Python to trim or upper-case it
    cdef bytes child_id

    def __cinit__(self, object without_details, Py_ssize_t batch):
        self.unwanted = set()
        self.batch = batch
        self.without_details = without_details
        names = self.unwanted
        self.child_parts = _Names(names, "ChildIdentifiers", "ChildCharacteristics", "CINdetails")
        self.identifiers = _Names(
            names,
            "LAchildID",
            "UPN",
            "UPNunknown",
            "PersonBirthDate",
            "ExpectedPersonBirthDate",
            "GenderCurrent",
            "Sex",
            "PersonDeathDate",
        )
        self.characteristics = _Names(names, "Ethnicity", "Disabilities")
        self.episode = _Names(
            names,
            "CINreferralDate",
            "ReferralSource",
            "PrimaryNeedCode",
            "CINclosureDate",
            "ReasonForClosure",
            "ReferralNFA",
            "DateOfInitialCPC",
            "Assessments",
            "CINPlanDates",
            "Section47",
            "ChildProtectionPlans",
            "PreProceedingsandFGDM",
        )
        self.assessment = _Names(
            names,
            "AssessmentActualStartDate",
            "AssessmentAuthorisationDate",
            "FactorsIdentifiedAtAssessment",
        )
        self.cin_plan = _Names(names, "CINPlanStartDate", "CINPlanEndDate")
        self.s47 = _Names(
            names, "S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"
        )
        self.cp_plan = _Names(
            names,
            "CPPstartDate",
            "CPPendDate",
            "InitialCategoryOfAbuse",
            "LatestCategoryOfAbuse",
            "NumberOfPreviousCPP",
            "Reviews",
        )
        self.review = _Names(names, "CPPreviewDate")
        self.pre_proceedings = _Names(
            names,
            "PPStartDate",
            "LBPSentDate",
            "FGDMMeetingOffer",
            "FGDMMeetingFac",
            "InitialPPMeetingDate",
            "ReviewMeetingsCount",
            "StepDecisionDate",
            "PPOutcome",
            "CourtAppDate",
            "LetterInitCPDate",
        )
        self.disability = _Names(names, "Disability")
        self.factors = _Names(names, "AssessmentFactors")
        # Text columns per block, after child_id (and parent): as cin_census.BLOCKS.
        self.children = _Block(10, False)
        self.referrals = _Block(8, False)
        self.assessments = _Block(4, True)
        self.cin_plans = _Block(3, True)
        self.s47s = _Block(5, True)
        self.cp_plans = _Block(6, True)
        self.reviews = _Block(2, True)
        self.pre = _Block(11, True)
        self.blocks = {
            "children": self.children,
            "referrals": self.referrals,
            "assessments": self.assessments,
            "cin_plans": self.cin_plans,
            "s47_enquiries": self.s47s,
            "cp_plans": self.cp_plans,
            "cp_reviews": self.reviews,
            "pre_proceedings": self.pre,
        }
        self.order = list(self.blocks.values())

    cdef int64_t _row(self, _Block block, int64_t parent, tree.xmlNode* element) except -1:
        """Start a row of `block` for `element` (its child_id column filled); its key."""
        self.counter += 1
        block.row(self.counter, parent, _line_of(element))
        if self.child_id is None:
            block.text(0).add(NULL, 0)
        else:
            block.text(0).add(self.child_id, len(self.child_id))
        return self.counter

    cdef int _text(self, _Strings column, tree.xmlNode* element, bint upper) except -1:
        """Append the element's trimmed text (NULL element or blank: null)."""
        cdef const char* start
        cdef Py_ssize_t length
        if self._trimmed(element, &start, &length, upper):
            column.add(start, length)
        else:
            column.add(NULL, 0)
        return 0

    cdef bint _trimmed(
        self, tree.xmlNode* element, const char** start, Py_ssize_t* length, bint upper
    ) except -1:
        """The element's text trimmed (and upper-cased), in `start` and `length`; False when
        there is none. ASCII is handled here; anything else goes through Python's strip and
        upper, into `scratch`."""
        cdef tree.xmlNode* node
        cdef const unsigned char* text
        cdef Py_ssize_t size, first, last, at
        cdef bint plain = True
        cdef unsigned char* out
        if element == NULL:
            return False
        node = _text_node(element.children)
        if node == NULL:
            return False
        if _text_node(node.next) != NULL:  # several text nodes: join them in Python
            parts = []
            while node != NULL:
                parts.append(<bytes>(<const char*>_content(node)))
                node = _text_node(node.next)
            return self._python(b"".join(parts), start, length, upper)
        text = _content(node)
        size = 0
        while text[size] != 0:
            if text[size] >= 128:
                plain = False
            size += 1
        first, last = 0, size
        while first < last and _ascii_space(text[first]):
            first += 1
        while last > first and _ascii_space(text[last - 1]):
            last -= 1
        if first == last:
            return False
        if not plain and (text[first] >= 128 or text[last - 1] >= 128 or upper):
            return self._python(
                PyBytes_FromStringAndSize(<const char*>text + first, last - first),
                start,
                length,
                upper,
            )
        if upper:
            self.scratch = PyBytes_FromStringAndSize(<const char*>text + first, last - first)
            out = <unsigned char*><char*>self.scratch
            for at in range(last - first):
                if 97 <= out[at] <= 122:
                    out[at] -= 32
            start[0] = <const char*>out
            length[0] = last - first
            return True
        start[0] = <const char*>text + first
        length[0] = last - first
        return True

    cdef bint _python(
        self, bytes raw, const char** start, Py_ssize_t* length, bint upper
    ) except -1:
        text = raw.decode("utf-8").strip()
        if not text:
            return False
        self.scratch = (text.upper() if upper else text).encode("utf-8")
        start[0] = <const char*>self.scratch
        length[0] = len(self.scratch)
        return True

    cdef int _joined(self, _Strings column, tree.xmlNode* parent, _Names names) except -1:
        """The trimmed, upper-cased texts of `parent`'s children named names[0], comma-joined
        (null when there are none)."""
        cdef tree.xmlNode* first[16]
        cdef tree.xmlNode* node
        cdef const char* start
        cdef Py_ssize_t length
        cdef bytearray joined = bytearray()
        if parent == NULL:
            return column.add(NULL, 0)
        names.pick(parent, first)
        node = first[0]
        while node != NULL:
            if node.type == tree.XML_ELEMENT_NODE and strcmp(
                <const char*>node.name, names.names[0]
            ) == 0:
                if self._trimmed(node, &start, &length, True):
                    if joined:
                        joined += b","
                    joined += start[:length]
            node = node.next
        if not joined:
            return column.add(NULL, 0)
        return column.add(joined, len(joined))

    cpdef bint child(self, _Element element) except -1:
        """Add the rows of one `Child`; True when a block has `batch` rows or more waiting
        (`blocks[name].take()` hands them over)."""
        cdef tree.xmlNode* node = element._c_node
        cdef tree.xmlNode* parts[16]
        cdef tree.xmlNode* ids[16]
        cdef tree.xmlNode* chars[16]
        cdef tree.xmlNode* item
        cdef const char* start
        cdef Py_ssize_t length
        cdef int at
        self.child_parts.pick(node, parts)
        self.identifiers.pick(parts[0], ids)
        self.characteristics.pick(parts[1], chars)
        if self._trimmed(ids[0], &start, &length, True):
            self.child_id = start[:length]
        else:
            self.child_id = None
        self._row(self.children, 0, node)
        for at in range(1, 8):
            self._text(self.children.text(at), ids[at], False)
        self._text(self.children.text(8), chars[0], False)
        self._joined(self.children.text(9), chars[1], self.disability)
        if parts[2] == NULL:
            self.without_details(
                _line_of(node), None if self.child_id is None else self.child_id.decode()
            )
        item = parts[2]
        while item != NULL:
            if _named(item, "CINdetails"):
                self._episode(item)
            item = item.next
        for block in self.order:
            if (<_Block>block).n >= self.batch:
                return True
        return False

    def full(self):
        """The names of the blocks with `batch` rows or more waiting."""
        return [name for name, block in self.blocks.items() if (<_Block>block).n >= self.batch]

    cdef int _episode(self, tree.xmlNode* details) except -1:
        cdef tree.xmlNode* found[16]
        cdef tree.xmlNode* fields[16]
        cdef tree.xmlNode* item
        cdef int64_t parent
        self.episode.pick(details, found)
        parent = self._row(self.referrals, 0, details)
        self._texts(self.referrals, found, 7)
        item = found[7]
        while item != NULL:
            if _named(item, "Assessments"):
                self.assessment.pick(item, fields)
                self._row(self.assessments, parent, item)
                self._texts(self.assessments, fields, 2)
                self._joined(self.assessments.text(3), fields[2], self.factors)
            item = item.next
        self._rows(found[8], "CINPlanDates", self.cin_plans, parent, self.cin_plan)
        self._rows(found[9], "Section47", self.s47s, parent, self.s47)
        item = found[10]
        while item != NULL:
            if _named(item, "ChildProtectionPlans"):
                self._plan(parent, item)
            item = item.next
        self._rows(found[11], "PreProceedingsandFGDM", self.pre, parent, self.pre_proceedings)
        return 0

    cdef int _rows(
        self,
        tree.xmlNode* item,
        const char* name,
        _Block block,
        int64_t parent,
        _Names names,
    ) except -1:
        """A row of `block` for `item` and each later sibling called `name`, its text
        columns the first of each of `names`."""
        cdef tree.xmlNode* fields[16]
        while item != NULL:
            if _named(item, name):
                names.pick(item, fields)
                self._row(block, parent, item)
                self._texts(block, fields, names.count)
            item = item.next
        return 0

    cdef int _texts(self, _Block block, tree.xmlNode** fields, int count) except -1:
        """The texts of the first `count` fields into the block's columns after child_id."""
        cdef int at
        for at in range(count):
            self._text(block.text(at + 1), fields[at], False)
        return 0

    cdef int _plan(self, int64_t parent, tree.xmlNode* element) except -1:
        cdef tree.xmlNode* fields[16]
        cdef tree.xmlNode* first[16]
        cdef tree.xmlNode* reviews
        cdef tree.xmlNode* review
        cdef int64_t plan
        self.cp_plan.pick(element, fields)
        plan = self._row(self.cp_plans, parent, element)
        self._texts(self.cp_plans, fields, 5)
        reviews = fields[5]
        while reviews != NULL:
            if _named(reviews, "Reviews"):
                self.review.pick(reviews, first)
                review = first[0]
                while review != NULL:
                    if _named(review, "CPPreviewDate"):
                        self._row(self.reviews, plan, review)
                        self._text(self.reviews.text(1), review, False)
                    review = review.next
            reviews = reviews.next
        return 0


cdef inline bint _named(tree.xmlNode* node, const char* name) noexcept:
    return node.type == tree.XML_ELEMENT_NODE and strcmp(<const char*>node.name, name) == 0

