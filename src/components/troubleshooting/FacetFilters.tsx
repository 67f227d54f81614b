/** Toggle buttons for tags and function types. */
import type { FunctionType } from "../../lib/troubleshooting/types";
import { FUNCTION_TYPE_LABEL } from "../../lib/troubleshooting/labels";

interface FacetGroupProps {
  label: string;
  name: string;
  options: Array<[string, number]>;
  selected: string[];
  display?: (value: string) => string;
  onToggle: (value: string) => void;
}

function FacetGroup({ label, name, options, selected, display = (v) => v, onToggle }: FacetGroupProps) {
  return (
    <fieldset className="ts-facet" data-testid={`facet-${name}`}>
      <legend>{label}</legend>
      <div className="ts-chips">
        {options.map(([value, count]) => (
          <button
            key={value}
            type="button"
            className="ts-chip"
            aria-pressed={selected.includes(value)}
            data-value={value}
            onClick={() => onToggle(value)}
          >
            {display(value)} <span className="ts-count">{count}</span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}

interface Props {
  tagOptions: Array<[string, number]>;
  typeOptions: Array<[string, number]>;
  tags: string[];
  types: FunctionType[];
  onToggleTag: (tag: string) => void;
  onToggleType: (type: FunctionType) => void;
}

export default function FacetFilters({ tagOptions, typeOptions, tags, types, onToggleTag, onToggleType }: Props) {
  return (
    <div className="ts-facets">
      <FacetGroup
        label="Function type"
        name="function-type"
        options={typeOptions}
        selected={types}
        display={(value) => FUNCTION_TYPE_LABEL[value as FunctionType] ?? value}
        onToggle={(value) => onToggleType(value as FunctionType)}
      />
      <FacetGroup label="Tag" name="tag" options={tagOptions} selected={tags} onToggle={onToggleTag} />
    </div>
  );
}
