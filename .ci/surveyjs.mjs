// Loads the SurveyJS JSON that `rapport export --to surveyjs` wrote into
// survey-core, the library SurveyJS forms run on, and checks it against the
// survey.yaml it came from: the same question names, in order, each of the
// matching type with the same options or scale values, every language of the
// survey among the form's locales and the default one first, and answers
// set on the model land in `data` under the question ids as rapport's
// values (scale and NPS numbers, yes/no, option ids).
//
//   node .ci/surveyjs.mjs surveys/<id>/survey.yaml <id>.json [...more pairs]
import { readFileSync } from "node:fs";
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
}
if (failures > 0) {
  console.error(`${failures} checks failed`);
  process.exit(1);
}
console.log("the forms load in survey-core and match their surveys");
