import {
  BookOpen,
  Code,
  Globe,
  ImageIcon,
  type LucideIcon,
  MessageSquareText,
  Plug,
} from "lucide-react";
import { capabilityLabel } from "@/lib/gpts/capabilities";
import type { GptPage } from "@/lib/gpts/gpt-page-query";
import { AboutSection } from "./about-section";

/** Said to the person about to chat, not to the creator (capabilities.ts speaks to creators). */
const CAPABILITY_DETAILS: Record<string, { icon: LucideIcon; description: string }> = {
  knowledge: {
    icon: BookOpen,
    description: "Answers from files its creator uploaded, and cites the passages it used.",
  },
  actions: {
    icon: Plug,
    description: "Calls outside services for you. You are asked before it sends them anything.",
  },
  web_browsing: { icon: Globe, description: "Searches the web and reads pages while answering." },
  image_generation: { icon: ImageIcon, description: "Creates images from a description." },
  code_interpreter: {
    icon: Code,
    description: "Runs code in a sandbox to analyse data and compute answers.",
  },
};

/** What the GPT can do beyond chatting, from its published version; actions name their services. */
export function GptCapabilities({ gpt }: { gpt: GptPage }) {
  return (
    <AboutSection title="Capabilities" testId="gpt-capabilities">
      {gpt.capabilities.length === 0 ? (
        <p className="flex items-center gap-3 text-sm text-muted-foreground">
          <MessageSquareText aria-hidden="true" className="size-5 shrink-0" />
          Chat only: it uses no files, tools or outside services.
        </p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {gpt.capabilities.map((key) => {
            const details = CAPABILITY_DETAILS[key];
            const Icon = details?.icon ?? MessageSquareText;
            return (
              <li key={key} className="flex gap-3 text-sm" data-testid={`capability-${key}`}>
                <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-muted">
                  <Icon aria-hidden="true" className="size-4" />
                </span>
                <div className="min-w-0">
                  <p className="font-medium">{capabilityLabel(key)}</p>
                  {details ? <p className="text-muted-foreground">{details.description}</p> : null}
                  {key === "actions" && gpt.actionServices.length > 0 ? (
                    <ActionServices services={gpt.actionServices} />
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </AboutSection>
  );
}

/** "Uses actions on …": which services this GPT may call for you, each with its privacy policy. */
function ActionServices({ services }: { services: GptPage["actionServices"] }) {
  return (
    <div className="mt-2 rounded-lg border px-3 py-2 text-xs" data-testid="action-services">
      <p className="text-muted-foreground">
        Uses actions on {services.length === 1 ? "this service" : "these services"}:
      </p>
      <ul className="mt-1 grid gap-1">
        {services.map((service) => (
          <li key={service.domain} className="flex flex-wrap items-center justify-between gap-x-3">
            <span className="break-all font-mono">{service.domain}</span>
            {service.privacyPolicyUrl ? (
              <a
                href={service.privacyPolicyUrl}
                target="_blank"
                rel="noopener noreferrer nofollow"
                className="underline underline-offset-4 hover:text-primary"
              >
                Privacy policy<span className="sr-only"> of {service.domain}</span>
              </a>
            ) : (
              <span className="text-muted-foreground">No privacy policy given</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
