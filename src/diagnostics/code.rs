//! The stable codes of problems, one constant each. A code never changes
//! meaning between versions; docs/diagnostics.md explains each with its fix.

/// A file could not be read.
pub const READ: &str = "E0001";
/// A file is not UTF-8.
pub const NOT_UTF8: &str = "E0002";
/// YAML syntax, or a file beyond the limits (nesting, aliases).
pub const SYNTAX: &str = "E0003";
/// A file holds nothing.
pub const EMPTY: &str = "E0004";
/// A file larger than `max_file_size`.
pub const TOO_BIG: &str = "E0008";
/// A key the format does not define.
pub const UNKNOWN_KEY: &str = "E0005";
/// A value of the wrong kind (a list where a text belongs, ...).
pub const WRONG_TYPE: &str = "E0006";
/// A required field is missing.
pub const MISSING: &str = "E0007";
/// An id that breaks the id rules.
pub const BAD_ID: &str = "E0101";
/// An id used twice.
pub const DUPLICATE_ID: &str = "E0102";
/// A reference to a level, scale, option or segment that does not exist.
pub const UNKNOWN_REF: &str = "E0103";
/// A language tag that is not valid.
pub const BAD_LANGUAGE: &str = "E0104";
/// A text without the default language.
pub const NO_DEFAULT_TEXT: &str = "E0105";
/// A number out of its range.
pub const OUT_OF_RANGE: &str = "E0106";
/// A field that does not belong to this question type.
pub const NOT_FOR_TYPE: &str = "E0107";
/// A survey folder without survey.yaml.
pub const NO_SURVEY_FILE: &str = "E0108";
/// A response answers a question the survey does not have.
pub const UNKNOWN_QUESTION: &str = "E0201";
/// An answer of the wrong type or out of range.
pub const BAD_ANSWER: &str = "E0202";
/// A date that cannot be read.
pub const BAD_DATE: &str = "E0203";
/// A response language the survey does not declare.
pub const UNKNOWN_LANGUAGE: &str = "E0204";
/// A segment or segment value the survey does not declare.
pub const UNKNOWN_SEGMENT: &str = "E0205";
/// Two responses with the same id.
pub const DUPLICATE_RESPONSE: &str = "E0206";
/// A template that does not parse or render.
pub const TEMPLATE: &str = "E0301";
/// A project word file (`i18n/<lang>.ftl`) that Fluent cannot read.
pub const BAD_WORDS: &str = "E0302";
/// A text with no translation into one of the survey's languages.
pub const MISSING_TRANSLATION: &str = "W0001";
/// A text in a language the survey does not declare.
pub const EXTRA_LANGUAGE: &str = "W0002";
/// A symbolic link that rapport does not follow.
pub const SYMLINK: &str = "W0003";
/// A survey language rapport has no words of its own for.
pub const NO_WORDS: &str = "W0004";
/// A file in templates/ that replaces no built-in template.
pub const UNUSED_TEMPLATE: &str = "W0005";
/// A file under responses/ that rapport does not read (a form tool's export, a README).
pub const UNREAD_FILE: &str = "W0006";
/// A word file not named by a language, or a message rapport has no use for.
pub const UNUSED_WORDS: &str = "W0007";
