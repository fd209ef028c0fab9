import { ListQuestion } from "./Questions";
import type { StepProps } from "./stepProps";

/** Step 2: what the system is for, what it does, and where it is used. */
export function StepPurposes(props: StepProps) {
  return (
    <>
      <ListQuestion fact="purposes" columns={2} {...props} />
      <ListQuestion fact="functions" columns={2} {...props} />
      <ListQuestion fact="contexts" columns={1} {...props} />
    </>
  );
}
