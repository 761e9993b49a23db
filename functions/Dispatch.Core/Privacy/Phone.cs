using System.Text.RegularExpressions;

namespace Dispatch.Core.Privacy;

public static partial class Phone
{
    /// <summary>A mainland mobile number (11 digits from 13–19) or a landline with area code.</summary>
    public static bool IsValid(string? phone) => phone is not null && PhonePattern().IsMatch(phone);

    /// <summary>A mainland mobile number only: 11 digits starting 13–19 (members are reached on their mobile).</summary>
    public static bool IsMobile(string? phone) => phone is not null && MobilePattern().IsMatch(phone);

    /// <summary>Masks the middle of a phone for logs and lists: 13812345678 → 138****5678.</summary>
    public static string Mask(string? phone) => phone switch
    {
        null or "" => "",
        { Length: >= 7 } p => $"{p[..3]}****{p[^4..]}",
        _ => "****",
    };

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^1[3-9][0-9]{9}$")]
    private static partial Regex MobilePattern();
}
