namespace Dispatch.Core.Api;

/// <summary>The one rule for every id a request carries (route values, query strings, body fields used as
/// keys). Ids become Table Storage keys and URL segments, so only a safe ASCII subset passes: anything else
/// is refused at the edge with a field error instead of reaching the store.</summary>
public static class Ids
{
    public const int MaxLength = 100;

    public const string Message = "编号为 1–100 个字母、数字或 - _ . ~ : 字符。 An id is 1–100 letters, digits or - _ . ~ : characters.";

    /// <summary>1–100 of [A-Za-z0-9-_.~:], and not made of dots only ("." and ".." are path segments).</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || value.All(c => c == '.'))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds the field error when <paramref name="value"/> is not a valid id.</summary>
    public static bool Check(string? value, string field, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (IsValid(value))
        {
            return true;
        }

        errors[field] = [Message];
        return false;
    }

    /// <exception cref="ApiProblemException">A validation problem naming <paramref name="field"/>.</exception>
    public static string Require(string? value, string field) =>
        IsValid(value) ? value! : throw Invalid(field);

    public static ApiProblemException Invalid(string field) =>
        new(ApiProblem.Validation(new Dictionary<string, string[]> { [field] = [Message] }));
}
