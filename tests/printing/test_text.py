from hcc_desk.core.printing.text import clean, clip, para


def test_markup_is_escaped_so_it_prints_literally() -> None:
    assert para("<b>x</b><font size=80>&amp;", 100) == (
        "&lt;b&gt;x&lt;/b&gt;&lt;font size=80&gt;&amp;amp;"
    )


def test_control_characters_and_surrogates_are_dropped() -> None:
    assert clean("a\x00b\x1bc\ud800d\te\r\nf") == "abcd e \nf"


def test_clip_marks_the_cut_with_an_ellipsis() -> None:
    assert clip("abcdef", 10) == "abcdef"
    assert clip("abcdef", 4) == "abc…"
    assert len(para("x" * 5000, 300)) == 300


def test_line_breaks_kept_up_to_a_limit() -> None:
    assert para("a\nb", 100) == "a b"
    assert para("a\nb\nc\nd", 100, max_lines=3) == "a<br/>b<br/>c d"
    assert para(None, 10) == ""
