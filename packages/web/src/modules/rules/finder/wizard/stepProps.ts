import type { ProfileForm } from "../profileForm";

/** What every question step gets: the form and a way to change part of it. */
export interface StepProps {
  form: ProfileForm;
  onChange: (update: (form: ProfileForm) => ProfileForm) => void;
}

type Lists = ProfileForm["lists"];
type Booleans = ProfileForm["booleans"];
type Numbers = ProfileForm["numbers"];

export const setList =
  (fact: keyof Lists, answer: Lists[keyof Lists]) =>
  (form: ProfileForm): ProfileForm => ({ ...form, lists: { ...form.lists, [fact]: answer } });

export const setBoolean =
  (fact: keyof Booleans, value: Booleans[keyof Booleans]) =>
  (form: ProfileForm): ProfileForm => ({ ...form, booleans: { ...form.booleans, [fact]: value } });

export const setNumber =
  (fact: keyof Numbers, value: string) =>
  (form: ProfileForm): ProfileForm => ({ ...form, numbers: { ...form.numbers, [fact]: value } });
