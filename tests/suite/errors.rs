//! One fixture project per kind of error, each with the whole message that
//! `rapport check` prints. A fixture is `tests/fixtures/errors/<case>/`
//! holding a project and `expected.stderr`.

use crate::support::{fixtures, rapport};

fn case(name: &str, code: i32) {
    let root = fixtures().join("errors").join(name);
    rapport(&root)
        .arg("check")
        .assert()
        .code(code)
        .stdout_eq("")
        .stderr_eq(snapbox::Data::read_from(&root.join("expected.stderr"), None));
}

macro_rules! cases {
    ($code:literal: $($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                case(stringify!($name), $code);
            }
        )*
    };
}

// Files, folders and YAML.
cases!(1:
    no_surveys_folder,
    file_too_big,
    bad_survey_folder_name,
    no_survey_file,
    empty_survey_file,
    empty_response_file,
    yaml_syntax_survey,
    yaml_syntax_response,
    response_file_is_mapping,
    alias_in_response,
    alias_bomb_survey,
    nesting_too_deep_response,
    not_utf8_response,
    bom_error_on_first_line,
    not_utf8_after_bom,
    duplicate_key,
);

// survey.yaml.
cases!(1:
    unknown_field_survey,
    unknown_field_level,
    unknown_field_question,
    wrong_type_title_list,
    wrong_type_levels_mapping,
    missing_languages,
    bad_question_id,
    duplicate_level_id,
    duplicate_question_id,
    unknown_level,
    unknown_scale,
    scores_unknown_option,
    scores_missing_option,
    bad_language_tag,
    language_no,
    text_without_default_language,
    target_out_of_range,
    scale_on_nps,
    level_on_text,
    publish_on_scale,
);

// Responses.
cases!(1:
    unknown_field_response,
    unknown_field_response_submitted,
    wrong_type_submitted_list,
    missing_submitted,
    response_language_not_in_survey,
    scale_answer_out_of_range,
    scale_answer_quoted,
    nps_out_of_range,
    yes_no_maybe,
    choice_unknown_option,
    multi_choice_repeated,
    multi_choice_scalar,
    unknown_question_in_response,
    undeclared_segment,
    undeclared_segment_value,
    bad_date,
    bad_date_format,
    duplicate_response_id,
    many_errors,
);

// Warnings only, and files that must be accepted.
cases!(0:
    bom_crlf_accepted,
    missing_translation,
    extra_language,
    symlinked_response,
    unsupported_language,
    symlinked_survey,
);
