using System.Text;

namespace Dispatch.Core.Api;

/// <summary>What free text (names, addresses, titles, descriptions, reasons) may hold. Control characters
/// and bidirectional overrides are refused everywhere: they hide or reorder what organizers, members and
/// exports show. Only multi-line fields (descriptions, reasons) take line breaks and tabs.</summary>
public static class FreeText
{
    public const int MaxReason = 200;

    public const string SingleLineMessage = "不能包含控制字符、换行或文字方向控制符。 Must not contain control characters, line breaks or text-direction overrides.";

    public const string MultiLineMessage = "不能包含控制字符或文字方向控制符。 Must not contain control characters or text-direction overrides.";

    public static bool IsValid(string value, bool multiLine)
    {
        ArgumentNullException.ThrowIfNull(value);
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            // A lone surrogate half is not text: refused like a control character.
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            rest = rest[used..];
            var allowedBreak = multiLine && rune.Value is '\n' or '\r' or '\t';
            if (!allowedBreak && (Rune.IsControl(rune) || IsDirectionControl(rune.Value)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds the field error when <paramref name="value"/> (if any) holds a refused character.</summary>
    public static void Check(string? value, string field, bool multiLine, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is not null && !IsValid(value, multiLine))
        {
            errors[field] = [multiLine ? MultiLineMessage : SingleLineMessage];
        }
    }

    /// <summary>An optional reason (cancel, dispute, decline): trimmed, at most <see cref="MaxReason"/>
    /// characters, line breaks allowed.</summary>
    /// <exception cref="ApiProblemException">A validation problem on "reason".</exception>
    public static string? Reason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return null;
        }

        var errors = new Dictionary<string, string[]>();
        var trimmed = reason.Trim();
        if (trimmed.Length > MaxReason)
        {
            errors["reason"] = [$"最多 {MaxReason} 个字符。 At most {MaxReason} characters."];
        }

        Check(trimmed, "reason", multiLine: true, errors);
        return errors.Count == 0 ? trimmed : throw new ApiProblemException(ApiProblem.Validation(errors));
    }

    // LRM/RLM, ALM, the embeddings and overrides (U+202A–U+202E) and the isolates (U+2066–U+2069).
    private static bool IsDirectionControl(int c) => c is 0x200E or 0x200F or 0x061C or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);
}
