namespace Dispatch.Core.Notifications;

/// <summary>The language a person's channel messages are written in: the page's language when they saved their choice
/// (Chinese by default). A message is in one language only.</summary>
public enum MessageLanguage
{
    Zh,
    En,
}
