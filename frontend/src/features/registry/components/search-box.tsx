import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

type SearchBoxProps = { initial: string; onSearch: (q: string) => void };

/** The words to look for; sent on Enter or with the button (the address keeps them). */
export function SearchBox({ initial, onSearch }: SearchBoxProps) {
  const { t } = useTranslation("registry");
  const [text, setText] = useState(initial);
  // the address changed the words (Back, a link): show them, without remounting (focus stays put)
  const [shownInitial, setShownInitial] = useState(initial);
  if (initial !== shownInitial) {
    setShownInitial(initial);
    setText(initial);
  }
  const inputId = useId();
  const hintId = useId();

  return (
    <form
      role="search"
      className="registry-search-box"
      aria-label={t("search.label")}
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text);
      }}
    >
      <label htmlFor={inputId} className="registry-search-box__label">
        {t("search.label")}
      </label>
      <div className="registry-search-box__row">
        <input
          id={inputId}
          type="search"
          name="q"
          className="input"
          value={text}
          aria-describedby={hintId}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button button--primary">
          {t("search.submit")}
        </button>
      </div>
      <p id={hintId} className="muted small registry-search-box__hint">
        {t("search.hint")}
      </p>
    </form>
  );
}
