import type { Labels } from "@/features/registry/hooks/use-labels";

/** NACE codes with the name of their division where the code list has one ("C13.20 · Manufacture of textiles"). */
type NaceListProps = { codes: readonly string[]; labels: Labels; labelledBy: string };

export function NaceList({ codes, labels, labelledBy }: NaceListProps) {
  return (
    <ul className="nace-list" aria-labelledby={labelledBy}>
      {codes.map((code) => {
        const name = labels.naceName(code);
        return (
          <li key={code} className="nace-list__item" data-nace-code={code}>
            <span className="nace-list__code">{code}</span>
            {name && <span className="nace-list__name">{name}</span>}
          </li>
        );
      })}
    </ul>
  );
}
