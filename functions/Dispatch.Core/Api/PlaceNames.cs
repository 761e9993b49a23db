namespace Dispatch.Core.Api;

/// <summary>The rule for the names of communities, grids and buildings: a Chinese name of 1–40 characters, an
/// optional English one of up to 80, one line each under the <see cref="FreeText"/> rules; and new ids, given
/// (checked by <see cref="Ids"/>) or made.</summary>
public static class PlaceNames
{
    public const int MaxZh = 40;
    public const int MaxEn = 80;

    /// <summary>The trimmed names (the English one is the Chinese one when left out), or field errors added.</summary>
    public static (string Zh, string En) Check(string? nameZh, string? nameEn, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var zh = nameZh?.Trim() ?? "";
        var en = nameEn?.Trim() ?? "";
        if (zh.Length is 0 or > MaxZh)
        {
            errors["nameZh"] = [$"请填写中文名称（1–{MaxZh} 个字）。 A Chinese name of 1–{MaxZh} characters."];
        }
        else
        {
            FreeText.Check(zh, "nameZh", multiLine: false, errors);
        }

        if (en.Length > MaxEn)
        {
            errors["nameEn"] = [$"英文名称最多 {MaxEn} 个字符。 An English name of at most {MaxEn} characters."];
        }
        else if (en.Length > 0)
        {
            FreeText.Check(en, "nameEn", multiLine: false, errors);
        }

        return (zh, en.Length > 0 ? en : zh);
    }

    /// <summary>The id asked for (checked), or a new one: <paramref name="prefix"/> and 10 hex digits.</summary>
    public static string NewId(string? wanted, string field, string prefix, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(wanted))
        {
            return prefix + Guid.NewGuid().ToString("N")[..10];
        }

        Ids.Check(wanted.Trim(), field, errors);
        return wanted.Trim();
    }

    /// <summary>A 400 validation problem when <paramref name="errors"/> holds any.</summary>
    public static void ThrowIfAny(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count > 0)
        {
            throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]>(errors)));
        }
    }
}
