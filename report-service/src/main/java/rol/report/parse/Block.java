package rol.report.parse;

/** A logical paragraph after page-break joining, classified by the tokeniser. */
final class Block {
    enum Role {
        BODY, TITLE, HEADER_ORG, DOC_NUMBER, SIGNATORY, RECIPIENTS, DATE, SIGNATURE, COPY_TO, CONTACT, NOTE,
        /** A numbering-less heading naming a part ("存在问题", "下一步工作打算"). */
        PART_HEADING,
        /** "——2026年1月26日在某某省第十四届人民代表大会第四次会议上": when and where a report was delivered. */
        SESSION,
        /** "某某省省长 张三": who delivered it. */
        SPEAKER,
        /** Everything after the end of the report proper (附件, 名词解释): kept apart, never read as plan. */
        APPENDIX
    }

    /** A paragraph that opens a part without a heading ("存在的短板弱项主要是：", "2024年，我局将…"). */
    enum Cue { NONE, PROBLEMS, PLAN, CLOSING }

    Role role;
    final TextRun run;
    Enumerator.Match enumerator;
    Cue cue = Cue.NONE;
    /** Year named at the start of a plan cue ("2024 年，我局将…"), or 0. */
    int cueYear;

    Block(Role role, TextRun run) {
        this.role = role;
        this.run = run;
    }

    boolean enumerated() {
        return enumerator != null;
    }

    /** Text after the enumerator. */
    TextRun content() {
        return enumerator == null ? run : run.sub(enumerator.end()).trim();
    }

    @Override
    public String toString() {
        return role + (enumerator != null ? "[" + enumerator.kind() + " " + enumerator.ordinal() + "]" : "")
                + (cue != Cue.NONE ? "{" + cue + "}" : "") + " " + run.text;
    }
}
