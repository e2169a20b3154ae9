/**
 * What a form's action said: its success (`{ ok: message }`) as a status, its error
 * (`{ error: message }`) as an alert, nothing before the action ran.
 */
export function ActionResult({ result }: { result: object | null | undefined }) {
  if (result && "ok" in result)
    return (
      <p className="form-success" role="status">
        {String(result.ok)}
      </p>
    );
  if (result && "error" in result)
    return (
      <p className="form-error" role="alert">
        {String(result.error)}
      </p>
    );
  return null;
}
