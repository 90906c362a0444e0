"use client";

import { CodeBlock } from "@/components/ui/code-block";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";

function samples(baseUrl: string) {
  return [
    {
      value: "curl",
      label: "curl",
      language: "bash",
      code: `curl "${baseUrl}/chat/completions" \\
  -H "Authorization: Bearer $ATELIER_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{
    "model": "your-gpt-slug",
    "messages": [{ "role": "user", "content": "Hello!" }]
  }'`,
    },
    {
      value: "node",
      label: "Node.js",
      language: "typescript",
      code: `// npm install openai
import OpenAI from "openai";

const client = new OpenAI({
  apiKey: process.env.ATELIER_API_KEY,
  baseURL: "${baseUrl}",
});

const stream = await client.chat.completions.create({
  model: "your-gpt-slug",
  messages: [{ role: "user", content: "Hello!" }],
  stream: true,
});
for await (const chunk of stream) {
  process.stdout.write(chunk.choices[0]?.delta?.content ?? "");
}`,
    },
    {
      value: "python",
      label: "Python",
      language: "python",
      code: `# pip install openai
import os
from openai import OpenAI

client = OpenAI(
    api_key=os.environ["ATELIER_API_KEY"],
    base_url="${baseUrl}",
)

completion = client.chat.completions.create(
    model="your-gpt-slug",
    messages=[{"role": "user", "content": "Hello!"}],
)
print(completion.choices[0].message.content)`,
    },
  ];
}

/** The first call, with curl and the official OpenAI clients pointed at this instance. */
export function QuickStart({ baseUrl }: { baseUrl: string }) {
  const tabs = samples(baseUrl);
  return (
    <Tabs defaultValue="curl">
      <TabsList aria-label="Language">
        {tabs.map((tab) => (
          <TabsTrigger key={tab.value} value={tab.value}>
            {tab.label}
          </TabsTrigger>
        ))}
      </TabsList>
      {tabs.map((tab) => (
        <TabsContent key={tab.value} value={tab.value}>
          <CodeBlock code={tab.code} language={tab.language} className="my-0" />
        </TabsContent>
      ))}
    </Tabs>
  );
}
