// Clinic care-notes assistant (CommonJS, runs inside the legacy EHR integration service).
const { ChatAnthropic } = require("@langchain/anthropic");
const { HumanMessage, SystemMessage } = require("@langchain/core/messages");
const { traceable } = require("langsmith/traceable");

const model = new ChatAnthropic({
  model: "claude-3-5-haiku-20241022",
  temperature: 0,
  // ruleid: no-hardcoded-credentials
  apiKey: "sk-ant-api03-izTNWVIG0oG5QIwoZsYwgCPKG1OHWejIf_ba7vU_sv9jdrSIsM56Kyv8Iv74-ddt_mPxBPFEQQST1egvHyDB0n3I6PM59AA",
});

const TEST_PATIENT = {
  id: "pt_test_0001",
  // ok: no-hardcoded-credentials
  portalPassword: "changeme",
};

function redactPatient(patient) {
  return {
    id: patient.id,
    ageBand: patient.age >= 65 ? "65+" : patient.age >= 18 ? "18-64" : "<18",
    conditions: patient.conditions,
    medications: patient.medications,
  };
}

const summarizeVisit = traceable(
  async (patient, visitNotes) => {
    // ok: require-audit-logging
    const res = await model.invoke([
      new SystemMessage("Summarize the visit for the care team: problems, plan, follow-ups."),
      // ruleid: no-unredacted-prompts
      new HumanMessage(`Patient: ${JSON.stringify(patient)}\n\nVisit notes:\n${visitNotes}`),
    ]);
    return res.content;
  },
  { name: "summarize-visit", run_type: "chain" },
);

async function draftPatientLetter(patient, topic) {
  // ruleid: require-audit-logging
  const res = await model.invoke([
    new SystemMessage("Write a plain-language letter to the patient about the topic. No medical jargon."),
    // ok: no-unredacted-prompts
    new HumanMessage(`Patient context: ${JSON.stringify(redactPatient(patient))}\nTopic: ${topic}`),
  ]);
  return res.content;
}

async function explainLabResult(patient, lab) {
  // ruleid: require-audit-logging
  const stream = await model.stream([
    new SystemMessage("Explain the lab result in simple terms."),
    // ruleid: no-unredacted-prompts
    new HumanMessage(`${patient.fullName}, DOB ${patient.dateOfBirth}, SSN ${patient.ssn}: ${lab.name} = ${lab.value} ${lab.unit}`),
  ]);
  let text = "";
  for await (const chunk of stream) text += chunk.content;
  return text;
}

module.exports = { summarizeVisit, draftPatientLetter, explainLabResult, TEST_PATIENT };
