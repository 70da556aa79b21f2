// A field for a secret (a webhook address, an access token): hidden as it is typed, with Show to read it back. A
// masked field gave no way to see that an address came in cut short; it was saved, and failed at the first post.
import { useState, type InputHTMLAttributes } from "react";

import "./SecretField.css";

type SecretFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & {
  /** The field's name in the button's label: "Show the webhook address". */
  what: string;
};

export function SecretField({ what, ...input }: SecretFieldProps) {
  const [shown, setShown] = useState(false);
  return (
    <span className="secret-field">
      <input {...input} type={shown ? "text" : "password"} autoComplete="off" spellCheck={false} />
      <button
        type="button"
        className="button"
        aria-pressed={shown}
        aria-label={`Show the ${what}`}
        onClick={() => {
          setShown(!shown);
        }}
      >
        {shown ? "Hide" : "Show"}
      </button>
    </span>
  );
}
