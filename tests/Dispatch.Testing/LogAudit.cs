using System.Text.RegularExpressions;

namespace Dispatch.Testing;

/// <summary>Finds credentials in log lines: link tokens in the format Dispatch.Core's TokenSigner writes,
/// "t=" query parameters (where links carry their token), and given secrets such as the signing key.</summary>
public static partial class LogAudit
{
    /// <summary>The lines that hold a credential.</summary>
    public static IReadOnlyList<string> Leaks(IEnumerable<string> lines, params string[] secrets)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return [.. lines.Where(line => Token().IsMatch(line) || TokenParameter().IsMatch(line)
            || secrets.Any(s => s.Length > 0 && line.Contains(s, StringComparison.Ordinal)))];
    }

    /// <exception cref="SecretInLogsException">Some line holds a credential.</exception>
    public static void ThrowIfLeaks(IEnumerable<string> lines, params string[] secrets)
    {
        var leaks = Leaks(lines, secrets);
        if (leaks.Count > 0)
        {
            throw new SecretInLogsException(leaks);
        }
    }

    // A token is base64url(json payload) "." base64url(HMAC-SHA256): the MAC is 32 bytes, 43 characters
    // unpadded; the payload of the shortest real token is well over 16.
    [GeneratedRegex(@"[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])")]
    private static partial Regex Token();

    [GeneratedRegex(@"[?&]t=[^&\s]")]
    private static partial Regex TokenParameter();
}

/// <summary>A host wrote a link token, a "t=" parameter or a secret to its logs.</summary>
public sealed class SecretInLogsException(IReadOnlyList<string> lines)
    : Exception($"{lines.Count} log line(s) hold a link token or secret:\n" + string.Join("\n", lines.Take(10)))
{
    public IReadOnlyList<string> Lines { get; } = lines;
}
