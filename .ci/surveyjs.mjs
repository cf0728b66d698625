// Loads the SurveyJS JSON that `rapport export --to surveyjs` wrote into
// survey-core, the library SurveyJS forms run on, and checks it against the
// survey.yaml it came from: the same question names, in order, each of the
// matching type with the same options or scale values, every language of the
// survey among the form's locales and the default one first, and answers
// set on the model land in `data` under the question ids as rapport's
// values (scale and NPS numbers, yes/no, option ids).
//
// Then the round trip: two sets of answers given to the model are written as
// a SurveyJS result (an array of `data` objects), `rapport import --dry-run`
// reads it back (the binary is $RAPPORT), and the responses it would add
// must hold the same answers.
//
//   RAPPORT=target/release/rapport node .ci/surveyjs.mjs \
//     surveys/<id>/survey.yaml <id>.json [...more pairs]
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { Model, surveyLocalization } from "survey-core";
import { parse } from "yaml";

const TYPES = {
  scale: "rating",
  nps: "rating",
  yes_no: "boolean",
  choice: "radiogroup",
  multi_choice: "checkbox",
  text: "comment",
};

let failures = 0;
function check(ok, what) {
  if (!ok) {
    failures += 1;
    console.error(`  not so: ${what}`);
  }
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

const args = process.argv.slice(2);
if (args.length === 0 || args.length % 2 !== 0) {
  console.error("usage: node .ci/surveyjs.mjs SURVEY.yaml FORM.json [SURVEY.yaml FORM.json ...]");
  process.exit(2);
}
for (let i = 0; i < args.length; i += 2) {
  const definition = parse(readFileSync(args[i], "utf8"));
  const json = JSON.parse(readFileSync(args[i + 1], "utf8"));
  console.log(`${args[i + 1]} (from ${args[i]})`);
  const model = new Model(json);
  const languages = definition.languages;

  const questions = model.getAllQuestions();
  check(
    same(questions.map((q) => q.name), definition.questions.map((q) => q.id)),
    "the form's questions are the survey's, in order",
  );
  const locales = model.getUsedLocales();
  for (const lang of languages) check(locales.includes(lang), `the form has the language ${lang}`);
  // survey-core reports its own default locale (English) as "".
  const opens = model.locale || surveyLocalization.defaultLocale;
  check(opens === languages[0], `the form opens in ${languages[0]} (it opens in ${opens})`);

  for (const q of definition.questions) {
    const question = model.getQuestionByName(q.id);
    if (!question) continue;
    check(question.getType() === TYPES[q.type], `${q.id} is a ${TYPES[q.type]} (it is a ${question.getType()})`);
    let answer;
    let expected;
    switch (q.type) {
      case "scale": {
        const labels = definition.scales[q.scale].labels;
        const points = (Array.isArray(labels) ? labels : labels[languages[0]]).length;
        const values = question.visibleRateValues.map((v) => v.value);
        check(same(values, [...Array(points).keys()].map((v) => v + 1)), `${q.id} rates 1..${points}`);
        answer = points;
        expected = points;
        break;
      }
      case "nps": {
        const values = question.visibleRateValues.map((v) => v.value);
        check(same(values, [...Array(11).keys()]), `${q.id} rates 0..10 (it rates ${values})`);
        answer = 0;
        expected = 0;
        break;
      }
      case "yes_no":
        question.booleanValue = true;
        expected = "yes";
        break;
      case "choice":
      case "multi_choice": {
        const ids = Object.keys(q.options);
        check(same(question.choices.map((c) => c.value), ids), `${q.id}'s choices are ${ids}`);
        answer = q.type === "choice" ? ids.at(-1) : [ids[0], ids.at(-1)];
        expected = answer;
        break;
      }
      default:
        answer = "Tack!";
        expected = answer;
    }
    if (answer !== undefined) model.setValue(q.id, answer);
    check(same(model.data[q.id], expected), `${q.id}'s answer is ${JSON.stringify(expected)} in data (it is ${JSON.stringify(model.data[q.id])})`);
  }
  const keys = Object.keys(model.data).sort();
  check(same(keys, definition.questions.map((q) => q.id).sort()), "data has nothing but the question ids");
  for (const lang of languages) {
    model.locale = lang;
    const title = model.getAllQuestions()[0]?.locTitle.renderedHtml;
    check(typeof title === "string" && title.length > 0, `the first question has a title in ${lang}`);
  }
  roundTrip(definition, json, model.data, args[i + 1]);
}

// The other end of every question: the lowest value, the first option, no.
function otherAnswers(definition, model) {
  const expected = {};
  for (const q of definition.questions) {
    const question = model.getQuestionByName(q.id);
    if (!question) continue;
    let value;
    switch (q.type) {
      case "scale":
      case "nps":
        value = question.visibleRateValues[0].value;
        model.setValue(q.id, value);
        break;
      case "yes_no":
        question.booleanValue = false;
        value = "no";
        break;
      case "choice":
        value = Object.keys(q.options)[0];
        model.setValue(q.id, value);
        break;
      case "multi_choice":
        value = Object.keys(q.options).slice(0, 1);
        model.setValue(q.id, value);
        break;
      default:
        value = 'Line one\nline "two" <b>';
        model.setValue(q.id, value);
    }
    expected[q.id] = value;
  }
  return expected;
}

// rapport's value for what survey-core holds in data.
function asRapport(definition, data) {
  const out = {};
  for (const q of definition.questions) {
    const v = data[q.id];
    if (v === undefined) continue;
    out[q.id] = q.type === "yes_no" ? (v === true || v === "yes" ? "yes" : "no") : v;
  }
  return out;
}

function roundTrip(definition, json, firstData, form) {
  const rapport = process.env.RAPPORT;
  if (!rapport) return;
  const second = new Model(json);
  const expected = [asRapport(definition, firstData), otherAnswers(definition, second)];
  const results = `${form}.results.json`;
  writeFileSync(results, JSON.stringify([firstData, second.data], null, 2));
  const id = form.split("/").at(-1).split(".")[0];
  const yaml = execFileSync(
    rapport,
    ["import", results, "--survey", id, "--dry-run", "--quiet", "--submitted", "2026-01-01"],
    { encoding: "utf8" },
  );
  const imported = parse(yaml) ?? [];
  check(imported.length === 2, `${id}: the two results import as two responses (got ${imported.length})`);
  const got = imported.map((r) => JSON.stringify(r.answers)).sort();
  const want = expected.map((a) => JSON.stringify(a)).sort();
  console.log(`  round trip: ${imported.length} results imported back, ${Object.keys(expected[0]).length} answers each`);
  check(same(got, want), `${id}: the answers come back the same\n    got  ${got.join("\n         ")}\n    want ${want.join("\n         ")}`);
}
if (failures > 0) {
  console.error(`${failures} checks failed`);
  process.exit(1);
}
console.log("the forms load in survey-core and match their surveys");
