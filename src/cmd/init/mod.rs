//! `rapport init`: a new project that builds at once: rapport.yaml, one
//! survey with Gallup's four levels in the languages asked for, a few
//! example responses, a .gitignore, and two GitHub Actions workflows: one
//! that installs exactly this version of rapport, checks pull requests and
//! publishes the report to GitHub Pages, and one that comments what a pull
//! request changes without running its code. It never overwrites a file.

use super::Error;
use crate::cli::InitArgs;
use crate::fsx::{self, FsError};
use codespan_reporting::term::termcolor::WriteColor;
use std::fmt;
use std::path::{Path, PathBuf};

/// Why a project could not be made.
#[derive(Debug)]
pub enum InitError {
    /// Files that already exist; nothing was written.
    Exists(Vec<PathBuf>),
    /// A language that is not a language tag.
    BadLanguage(String),
    /// A language given twice.
    DuplicateLanguage(String),
    /// A file could not be written.
    Fs(FsError),
}

impl fmt::Display for InitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InitError::Exists(paths) => {
                let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                write!(
                    f,
                    "refusing to overwrite {}; nothing was written",
                    list.join(", ")
                )
            }
            InitError::BadLanguage(l) => write!(
                f,
                "`{l}` is not a language tag (write e.g. --languages en,sv; `nb` for Norwegian Bokmål)"
            ),
            InitError::DuplicateLanguage(l) => write!(f, "`{l}` is given twice in --languages"),
            InitError::Fs(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for InitError {}

/// One text in each of rapport's built-in languages, in the order of
/// [`crate::i18n::BUILT_IN`].
type InEach = [&'static str; crate::i18n::BUILT_IN.len()];

const SITE_TITLE: InEach = [
    "Our customer surveys",
    "Våra kundundersökningar",
    "Наши опросы клиентов",
    "Onze klantonderzoeken",
    "Våre kundeundersøkelser",
];
const SURVEY_TITLE: InEach = [
    "Customer expectations",
    "Kundförväntningar",
    "Ожидания клиентов",
    "Klantverwachtingen",
    "Kundeforventninger",
];
const DESCRIPTION: InEach = [
    "Customers expect four things, each resting on the one before: **accuracy**, **availability**, **partnership** and **advice**. Fix the lowest level that falls short first.",
    "Kunder förväntar sig fyra saker som vilar på varandra: **noggrannhet**, **tillgänglighet**, **partnerskap** och **råd**. Åtgärda först den lägsta nivån som inte når målet.",
    "Клиенты ждут четырёх вещей, и каждая опирается на предыдущую: **точности**, **доступности**, **партнёрства** и **советов**. Начинайте с самого нижнего уровня, не достигшего цели.",
    "Klanten verwachten vier dingen, die op elkaar rusten: **nauwkeurigheid**, **beschikbaarheid**, **partnerschap** en **advies**. Pak eerst het laagste niveau aan dat tekortschiet.",
    "Kunder forventer fire ting som bygger på hverandre: **nøyaktighet**, **tilgjengelighet**, **partnerskap** og **råd**. Ta først tak i det laveste nivået som ikke når målet.",
];
const LEVELS: [(&str, InEach, InEach); 4] = [
    (
        "accuracy",
        ["Accuracy", "Noggrannhet", "Точность", "Nauwkeurigheid", "Nøyaktighet"],
        [
            "- Check orders and invoices before they go out.\n- Promise only dates you can keep.",
            "- Kontrollera order och fakturor innan de skickas.\n- Lova bara datum ni kan hålla.",
            "- Проверяйте заказы и счета перед отправкой.\n- Обещайте только те сроки, которые выдержите.",
            "- Controleer orders en facturen voordat ze verstuurd worden.\n- Beloof alleen data die je kunt halen.",
            "- Kontroller ordrer og fakturaer før de sendes.\n- Lov bare datoer dere kan holde.",
        ],
    ),
    (
        "availability",
        ["Availability", "Tillgänglighet", "Доступность", "Beschikbaarheid", "Tilgjengelighet"],
        [
            "- Answer within one working day.\n- Follow up after every case, without being asked.",
            "- Svara inom en arbetsdag.\n- Följ upp varje ärende utan att bli tillfrågade.",
            "- Отвечайте в течение рабочего дня.\n- Возвращайтесь к клиенту после каждого обращения.",
            "- Antwoord binnen één werkdag.\n- Volg elke zaak op, zonder dat de klant erom vraagt.",
            "- Svar innen én arbeidsdag.\n- Følg opp hver sak uten å bli bedt om det.",
        ],
    ),
    (
        "partnership",
        ["Partnership", "Partnerskap", "Партнёрство", "Partnerschap", "Partnerskap"],
        [
            "- Learn what your customers are trying to achieve.\n- Give staff the authority to solve problems.",
            "- Ta reda på vad kunderna vill uppnå.\n- Ge personalen mandat att lösa problem.",
            "- Узнайте, чего добиваются ваши клиенты.\n- Дайте сотрудникам полномочия решать проблемы.",
            "- Leer wat je klanten willen bereiken.\n- Geef medewerkers de ruimte om problemen op te lossen.",
            "- Finn ut hva kundene vil oppnå.\n- Gi de ansatte myndighet til å løse problemer.",
        ],
    ),
    (
        "advice",
        ["Advice", "Råd", "Советы", "Advies", "Råd"],
        [
            "- Train staff to be experts customers can learn from.\n- Share guides before customers ask.",
            "- Utbilda personalen till experter som kunderna kan lära sig av.\n- Dela guider innan kunderna frågar.",
            "- Обучайте сотрудников, чтобы клиенты могли у них учиться.\n- Делитесь руководствами раньше, чем спросят.",
            "- Maak van medewerkers experts van wie klanten leren.\n- Deel handleidingen voordat klanten erom vragen.",
            "- Gjør de ansatte til eksperter kundene kan lære av.\n- Del veiledninger før kundene spør.",
        ],
    ),
];
const AGREE: [InEach; 5] = [
    [
        "Strongly disagree",
        "Instämmer inte alls",
        "Совершенно не согласен",
        "Helemaal oneens",
        "Helt uenig",
    ],
    ["Disagree", "Instämmer inte", "Не согласен", "Oneens", "Uenig"],
    [
        "Neither",
        "Varken eller",
        "Ни то ни другое",
        "Neutraal",
        "Verken eller",
    ],
    ["Agree", "Instämmer", "Согласен", "Eens", "Enig"],
    [
        "Strongly agree",
        "Instämmer helt",
        "Полностью согласен",
        "Helemaal eens",
        "Helt enig",
    ],
];
const QUESTIONS: [(&str, &str, &str, InEach); 5] = [
    (
        "on-time",
        "accuracy",
        "scale",
        [
            "My order arrived on time and as promised.",
            "Min beställning kom i tid och som utlovat.",
            "Мой заказ пришёл вовремя и как обещали.",
            "Mijn bestelling kwam op tijd en zoals beloofd.",
            "Bestillingen min kom i tide og som lovet.",
        ],
    ),
    (
        "easy-to-reach",
        "availability",
        "yes_no",
        [
            "Could you reach us when you needed to?",
            "Kunde du nå oss när du behövde?",
            "Удалось ли связаться с нами, когда было нужно?",
            "Kon je ons bereiken wanneer dat nodig was?",
            "Fikk du tak i oss når du trengte det?",
        ],
    ),
    (
        "understands-me",
        "partnership",
        "scale",
        [
            "We understand what you are trying to achieve.",
            "Vi förstår vad du vill uppnå.",
            "Мы понимаем, чего вы хотите добиться.",
            "We begrijpen wat je wilt bereiken.",
            "Vi forstår hva du vil oppnå.",
        ],
    ),
    (
        "recommend",
        "advice",
        "nps",
        [
            "How likely are you to recommend us to a friend or colleague?",
            "Hur troligt är det att du rekommenderar oss till en vän eller kollega?",
            "Насколько вероятно, что вы порекомендуете нас другу или коллеге?",
            "Hoe waarschijnlijk is het dat je ons aanbeveelt aan een vriend of collega?",
            "Hvor sannsynlig er det at du anbefaler oss til en venn eller kollega?",
        ],
    ),
    (
        "comment",
        "",
        "text",
        [
            "What should we do better first?",
            "Vad borde vi förbättra först?",
            "Что нам стоит улучшить в первую очередь?",
            "Wat moeten we als eerste verbeteren?",
            "Hva bør vi bli bedre på først?",
        ],
    ),
];

const GROUP: InEach = [
    "Respondent group",
    "Respondentgrupp",
    "Группа респондентов",
    "Respondentgroep",
    "Respondentgruppe",
];
const CUSTOMER: InEach = ["Customer", "Kund", "Клиент", "Klant", "Kunde"];
const STAFF: InEach = ["Staff", "Personal", "Сотрудник", "Medewerker", "Ansatt"];

/// A Text in YAML: a map from each language to its string. For a language
/// rapport has no words of, the default language gets the English words,
/// marked to translate; any other such language gets them as a comment, so
/// that `check` counts it missing until someone translates it.
fn text(words: &InEach, langs: &[String], indent: usize) -> String {
    let pad = " ".repeat(indent);
    langs
        .iter()
        .enumerate()
        .map(|(n, l)| {
            let i = crate::i18n::BUILT_IN.iter().position(|b| b.tag == l);
            let s = i.map_or(words[0], |i| words[i]);
            let (hash, todo) = match (i, n) {
                (Some(_), _) => ("", ""),
                (None, 0) => ("", "  # translate"),
                (None, _) => ("# ", "  # translate, then remove the `# `"),
            };
            if s.contains('\n') {
                let body: String = s.lines().map(|line| format!("\n{pad}{hash}  {line}")).collect();
                format!("\n{pad}{hash}{l}: |{todo}{body}")
            } else {
                format!("\n{pad}{hash}{l}: \"{}\"{todo}", s.replace('"', "\\\""))
            }
        })
        .collect()
}

fn rapport_yaml(langs: &[String]) -> String {
    format!(
        "# Settings of the whole site; see the format in rapport's docs.\ntitle:{}\nlanguages: [{}]\nmin_group_size: 5   # smaller groups are never shown in breakdowns\n",
        text(&SITE_TITLE, langs, 2),
        langs.join(", ")
    )
}

fn survey_yaml(langs: &[String]) -> String {
    let mut out = format!(
        "# A survey of Gallup's four levels of customer expectations, foundation first.\n# Its id is this folder's name; its answers are the files under responses/.\ntitle:{}\ndescription:{}\nlanguages: [{}]   # the first is the default language\nperiod: quarter\ntarget: 75\n\nscales:\n  agree5:\n    labels:",
        text(&SURVEY_TITLE, langs, 2),
        text(&DESCRIPTION, langs, 2),
        langs.join(", "),
    );
    for (n, l) in langs.iter().enumerate() {
        let i = crate::i18n::BUILT_IN.iter().position(|b| b.tag == l);
        let labels: Vec<String> = AGREE
            .iter()
            .map(|w| format!("\"{}\"", w[i.unwrap_or(0)]))
            .collect();
        let (hash, todo) = match (i, n) {
            (Some(_), _) => ("", ""),
            (None, 0) => ("", "  # translate"),
            (None, _) => ("# ", "  # translate, then remove the `# `"),
        };
        out.push_str(&format!("\n      {hash}{l}: [{}]{todo}", labels.join(", ")));
    }
    out.push_str("\n\nlevels:");
    for (id, name, recommendations) in &LEVELS {
        out.push_str(&format!(
            "\n  - id: {id}\n    name:{}\n    recommendations:{}",
            text(name, langs, 6),
            text(recommendations, langs, 6)
        ));
        if *id == "accuracy" {
            out.push_str("\n    target: 80");
        }
    }
    out.push_str("\n\nquestions:");
    for (id, level, kind, words) in &QUESTIONS {
        out.push_str(&format!("\n  - id: {id}"));
        if !level.is_empty() {
            out.push_str(&format!("\n    level: {level}"));
        }
        out.push_str(&format!("\n    type: {kind}"));
        match *kind {
            "scale" => out.push_str("\n    scale: agree5"),
            "text" => out.push_str("\n    publish: true   # answers appear in the report, escaped"),
            _ => {}
        }
        out.push_str(&format!("\n    text:{}", text(words, langs, 6)));
    }
    out.push_str(&format!(
        "\n\nsegments:\n  group:\n    name:{}\n    values:\n      customer:{}\n      staff:{}\n",
        text(&GROUP, langs, 6),
        text(&CUSTOMER, langs, 8),
        text(&STAFF, langs, 8)
    ));
    out
}

fn responses_yaml(langs: &[String]) -> String {
    let rows = [
        (
            "2026-01-12",
            "customer",
            4,
            "yes",
            4,
            9,
            Some("Faster replies, please."),
        ),
        ("2026-01-20", "customer", 5, "yes", 3, 7, None),
        (
            "2026-02-03",
            "customer",
            3,
            "no",
            2,
            5,
            Some("I waited two days for an answer."),
        ),
        ("2026-02-17", "customer", 4, "yes", 4, 8, None),
        (
            "2026-03-02",
            "customer",
            5,
            "no",
            3,
            6,
            Some("Call me back when it is solved."),
        ),
        ("2026-03-09", "staff", 5, "yes", 5, 10, None),
        ("2026-03-23", "customer", 4, "yes", 4, 9, None),
        (
            "2026-04-06",
            "customer",
            2,
            "no",
            3,
            4,
            Some("The delivery was a week late."),
        ),
        ("2026-04-14", "staff", 5, "yes", 4, 9, None),
        ("2026-04-28", "customer", 4, "yes", 4, 8, None),
    ];
    let mut out = String::from(
        "# Example responses: replace them with your own. Any number of files, at any depth\n# under responses/, each a list like this one.\n",
    );
    for (i, (date, group, on_time, reach, understands, recommend, comment)) in rows.iter().enumerate() {
        out.push_str(&format!(
            "- id: example-{:02}\n  submitted: {date}\n  language: {}\n  segment: {{ group: {group} }}\n  answers:\n    on-time: {on_time}\n    easy-to-reach: {reach}\n    understands-me: {understands}\n    recommend: {recommend}\n",
            i + 1,
            langs[i % langs.len()]
        ));
        if let Some(c) = comment {
            out.push_str(&format!("    comment: \"{c}\"\n"));
        }
    }
    out
}

const GITIGNORE: &str =
    "# Made by `rapport build`; CI builds and publishes it.\nsite/\n.rapport-cache/\n.*.rapport-*\n";

/// The workflow that checks, compares and publishes, and the one that
/// comments on pull requests; `@VERSION@` and `@RELEASES@` are filled in.
const WORKFLOWS: [(&str, &str); 2] = [
    (".github/workflows/report.yml", include_str!("report.yml")),
    (
        ".github/workflows/report-comment.yml",
        include_str!("report-comment.yml"),
    ),
];

/// Where release binaries are downloaded from: the package's repository's
/// releases.
pub const RELEASES: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/releases/download");

/// A workflow with this rapport's version and download address filled in.
fn workflow(text: &str) -> String {
    text.replace("@VERSION@", env!("CARGO_PKG_VERSION"))
        .replace("@RELEASES@", RELEASES)
}

/// `rapport init [DIR]`: makes the project and says what to do next.
pub fn run(root: &Path, args: &InitArgs, err: &mut dyn WriteColor, quiet: bool) -> Result<(), Error> {
    let dir = args.dir.clone().unwrap_or_else(|| root.to_path_buf());
    let files = init(&dir, &args.languages).map_err(Error::Init)?;
    if !quiet {
        for f in &files {
            writeln!(err, "created {}", dir.join(f).display())?;
        }
        let cd = if dir == Path::new(".") {
            String::new()
        } else {
            format!("cd {} && ", dir.display())
        };
        writeln!(err, "next: {cd}rapport build, then open site/index.html")?;
    }
    Ok(())
}

/// Makes a new project in `dir` with surveys in `languages` (the first is
/// the default). Returns the files written, relative to `dir`.
pub fn init(dir: &Path, languages: &[String]) -> Result<Vec<PathBuf>, InitError> {
    if languages.is_empty() {
        return Err(InitError::BadLanguage(String::new()));
    }
    for (i, l) in languages.iter().enumerate() {
        if l == "no" || !crate::validate::is_language_tag(l) {
            return Err(InitError::BadLanguage(l.clone()));
        }
        if languages[..i].iter().any(|k| k.eq_ignore_ascii_case(l)) {
            return Err(InitError::DuplicateLanguage(l.clone()));
        }
    }
    let mut files: Vec<(PathBuf, String)> = vec![
        ("rapport.yaml".into(), rapport_yaml(languages)),
        (
            "surveys/customer-expectations/survey.yaml".into(),
            survey_yaml(languages),
        ),
        (
            "surveys/customer-expectations/responses/example.yaml".into(),
            responses_yaml(languages),
        ),
        (".gitignore".into(), GITIGNORE.to_owned()),
    ];
    for l in languages {
        if !crate::i18n::is_supported(l) {
            files.push((
                PathBuf::from(format!("i18n/{l}.ftl")),
                crate::i18n::project::to_translate(l),
            ));
        }
    }
    files.extend(
        WORKFLOWS
            .iter()
            .map(|(path, text)| (PathBuf::from(path), workflow(text))),
    );
    let existing: Vec<PathBuf> = files
        .iter()
        .filter(|(p, _)| dir.join(p).exists())
        .map(|(p, _)| dir.join(p))
        .collect();
    if !existing.is_empty() {
        return Err(InitError::Exists(existing));
    }
    for (path, content) in &files {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            fsx::create_dir_all(parent).map_err(InitError::Fs)?;
        }
        fsx::write(&target, content.as_bytes()).map_err(InitError::Fs)?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}
