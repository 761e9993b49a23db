using System.Globalization;
using System.Text;

namespace Dispatch.Core.Orders.References;

/// <summary>A readable order reference such as <c>HB-20261130-0042</c>: the community's short code, the China date
/// the order was placed and the community's sequence number of that day. Residents read it out on the phone;
/// the order id stays the key.</summary>
public static class OrderReference
{
    public const int MaxPrefix = 4;

    /// <summary>The community's short code: the initials of the pinyin syllables of its English name without
    /// "Community" (湖滨社区, "Hubin Community" → <c>HB</c>; "Zhongshan" → <c>ZS</c>), else the first letters of its
    /// id. A heuristic: a syllable starts at a consonant followed by a vowel (zh, ch and sh count as one).</summary>
    public static string PrefixOf(string communityId, string? nameEn)
    {
        ArgumentNullException.ThrowIfNull(communityId);
        var word = (nameEn ?? "").Replace("Community", "", StringComparison.OrdinalIgnoreCase).Trim();
        var initials = Initials(word);
        if (initials.Length == 0)
        {
            initials = new string([.. communityId.Where(char.IsAsciiLetterOrDigit).Take(2)]).ToUpperInvariant();
        }

        return initials.Length == 0 ? "OR" : initials[..Math.Min(MaxPrefix, initials.Length)];
    }

    public static string Format(string prefix, DateOnly day, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{day:yyyyMMdd}-{sequence:D4}");

    private static string Initials(string name)
    {
        var letters = name.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant).ToArray();
        var s = new StringBuilder();
        for (var i = 0; i < letters.Length; i++)
        {
            var c = letters[i];
            var startsWord = i == 0;
            var next = i + 1 < letters.Length ? letters[i + 1] : '\0';
            var startsSyllable = !IsVowel(c) && (IsVowel(next) || (next == 'h' && c is 'z' or 'c' or 's'))
                && !(c == 'h' && i > 0 && letters[i - 1] is 'z' or 'c' or 's')
                && !(c is 'n' or 'g' && i > 0 && IsVowel(letters[i - 1]) && !IsVowel(next) && next != 'h');
            if (startsWord || (startsSyllable && i > 0))
            {
                s.Append(char.ToUpperInvariant(c));
            }
        }

        return s.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'v' or 'ü';
}
