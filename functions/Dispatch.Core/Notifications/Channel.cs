namespace Dispatch.Core.Notifications;

/// <summary>How a notice reaches a person. In-app is the inbox and notice lists every person has; the others are
/// chosen per person (Web Push on a phone, an email address, SMS to their mobile) or, for a resident, agreed on the
/// order form (SMS to the order's phone).</summary>
public enum Channel
{
    InApp,
    WebPush,
    Email,
    Sms,
}
