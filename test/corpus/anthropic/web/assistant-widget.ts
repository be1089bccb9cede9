import Anthropic from "@anthropic-ai/sdk";

// Runs in the patient portal page. Shipped to every visitor's browser.
// ok: no-shared-agent-credentials
const browserClient = new Anthropic({
  // ruleid: no-hardcoded-credentials
  apiKey: "sk-ant-api03-Y348fJaa2TKlpe4jZJbtiowmH21MCt4ECxwU1EAx-8T972h00Vsxytb5SMjCwxpY2ezTamzPZtaWVeGEhVjB6oAA",
  dangerouslyAllowBrowser: true,
});

const FAQ_SYSTEM = "You answer general questions about Riverside Clinic: opening hours, parking, insurance accepted. No medical advice.";

async function ask(question: string): Promise<string> {
  // ruleid: require-audit-logging
  const message = await browserClient.messages.create({
    model: "claude-3-5-haiku-latest",
    max_tokens: 400,
    system: FAQ_SYSTEM,
    messages: [{ role: "user", content: question }],
  });
  console.info("faq answered", message.usage.output_tokens);
  return message.content.flatMap((b) => (b.type === "text" ? [b.text] : [])).join("\n");
}

export async function renderAnswer(container: HTMLElement, question: string) {
  const text = await ask(question);
  // ruleid: no-unsafe-model-output
  container.innerHTML = `<div class="answer">${text}</div>`;
}

export async function renderAnswerAsText(container: HTMLElement, question: string) {
  const text = await ask(question);
  const p = document.createElement("p");
  // ok: no-unsafe-model-output
  p.textContent = text;
  container.replaceChildren(p);
}
