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

cases!(1: no_surveys_folder);
