using System.Net.Mail;
using Dispatch.Core.Notifications;

namespace Dispatch.Core.Api;

/// <summary>A person's channels: the email address (null: none), SMS to their mobile, how many phones get
/// push (each subscribed on its own page), and the language of the messages (<c>zh</c> or <c>en</c>).</summary>
public sealed record ChannelSettingsView(string? Email, bool Sms, int PushDevices, string Language = "zh");

/// <summary>PUT body of the channel routes: an email address (empty: none), whether to get SMS, and the page's language
/// (<c>zh</c> or <c>en</c>; absent: Chinese), which the messages are then written in.</summary>
public sealed record ChannelSettingsRequest(string? Email, bool Sms, string? Language = null)
{
    public const int MaxEmail = 254;

    /// <summary>The messages' language.</summary>
    /// <exception cref="ApiProblemException">400 on <c>language</c> for anything but zh or en.</exception>
    public MessageLanguage ValidLanguage() => LanguageOf(Language);

    /// <summary>A page's language as the messages' (absent: Chinese).</summary>
    /// <exception cref="ApiProblemException">400 on <c>language</c> for anything but zh or en.</exception>
    public static MessageLanguage LanguageOf(string? language) => language switch
    {
        null or "" or "zh" => MessageLanguage.Zh,
        "en" => MessageLanguage.En,
        _ => throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]>
        {
            ["language"] = ["语言须为 zh 或 en。The language must be zh or en."],
        })),
    };

    /// <summary>How views name a language.</summary>
    public static string NameOf(MessageLanguage language) => language == MessageLanguage.En ? "en" : "zh";

    /// <summary>The address to store (null for none).</summary>
    /// <exception cref="ApiProblemException">400 when the address is not one.</exception>
    public string? ValidEmail()
    {
        var email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        if (email is null)
        {
            return null;
        }

        return email.Length <= MaxEmail && IsAddress(email)
            ? email
            : throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]>
            {
                ["email"] = ["请输入有效的电子邮箱地址。Enter a valid email address."],
            }));
    }

    private static bool IsAddress(string email) =>
        !email.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
        && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && parsed.Host.Contains('.', StringComparison.Ordinal);
}

/// <summary>The public key pages pass to <c>PushManager.subscribe</c> (base64url, uncompressed P-256).</summary>
public sealed record PushKeyView(string PublicKey);

/// <summary>What a browser's <c>PushSubscription.toJSON()</c> holds, and the page's language (<c>zh</c> or <c>en</c>),
/// which the person's messages are then written in (absent: their language stays as it was).</summary>
public sealed record PushSubscriptionRequest(string? Endpoint, PushSubscriptionKeys? Keys, string? Language = null);

public sealed record PushSubscriptionKeys(string? P256dh, string? Auth);

/// <summary>DELETE body of the push routes: the endpoint of the subscription to forget (the page's
/// <c>PushSubscription.endpoint</c>), in the body so that it stays out of URLs and their logs.</summary>
public sealed record PushEndpointRequest(string? Endpoint);

/// <summary>One delivery of the log, as organizers see it: who (a role and an id, never an address), the channel, the
/// order, what it said (the kind, not the text), the attempts made and the outcome with the last error.</summary>
public sealed record DeliveryView(
    string Id,
    DeliveryRecipient Recipient,
    string? RecipientId,
    Channel Channel,
    string OrderId,
    DeliveryKind Kind,
    int Attempt,
    DeliveryOutcome Outcome,
    string? Error,
    DateTimeOffset At,
    DateTimeOffset? NextAttemptAt);

/// <summary>Whom a delivery is for.</summary>
public enum DeliveryRecipient
{
    Member,
    Organizer,
    Resident,
}
