import { OptionList, type Option } from "@/components/form/fields";

type Props = {
  id: string;
  name: string;
  label: string;
  /** The label of the empty choice that means "no filter". */
  allLabel: string;
  options: readonly Option[];
  value?: string;
};

/** One labelled select of a plain GET filter form; the empty choice clears the filter. */
export function FilterSelect({ id, name, label, allLabel, options, value }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{allLabel}</option>
        <OptionList options={options} />
      </select>
    </div>
  );
}
