using System.Text.RegularExpressions;
using Dispatch.Core.Api;
using Dispatch.Testing;

namespace Dispatch.Local.Tests.Channels;

/// <summary>Channel messages come in the language of the page a person saved their choice on, never mixed: an English
/// member's emails are all English, a Chinese member's all Chinese (but for links).</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ChannelLanguageTests(AzuriteFixture azurite, MailDevFixture mail) : IClassFixture<MailDevFixture>
{
    [Fact]
    public async Task An_englishMailsmembers_email_is_all_englishMailsand_a_chineseMailmembers_all_chinese()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: mail.Settings);
        var placed = await host.PlaceAsync();
        var english = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        var chinese = english == "m003" ? "m004" : "m003";
        var (en, zh) = ($"{english}.{host.Prefix}.en@example.org", $"{chinese}.{host.Prefix}.zh@example.org");
        var saved = await host.CallAsync<ChannelSettingsView>(
            HttpMethod.Put, ChannelRoutes.MemberChannels, host.MemberToken(english), new ChannelSettingsRequest(en, false, "en"));
        Assert.Equal("en", saved.Language);
        await host.CallAsync<ChannelSettingsView>(HttpMethod.Put, ChannelRoutes.MemberChannels, host.MemberToken(chinese), new ChannelSettingsRequest(zh, false, "zh"));
        using var bad = await host.SendAsync(HttpMethod.Put, ChannelRoutes.MemberChannels, host.MemberToken(chinese), new ChannelSettingsRequest(zh, false, "fr"));
        Assert.Equal(400, (int)bad.StatusCode);

        await host.RunLoopsAsync(); // the offer, and the quarter's quota nudge to both

        var englishMails = await mail.ToAsync(en);
        Assert.Equal(2, englishMails.Count);
        Assert.Contains(englishMails, m => m.Subject.Contains("New offer", StringComparison.Ordinal));
        foreach (var m in englishMails)
        {
            Assert.DoesNotMatch(Cjk(), m.Subject + m.Text);
        }

        var chineseMail = Assert.Single(await mail.ToAsync(zh));
        Assert.Contains("年度服务提醒", chineseMail.Subject, StringComparison.Ordinal);
        Assert.DoesNotMatch(Latin(), chineseMail.Subject + Links().Replace(chineseMail.Text, ""));
    }

    /// <summary>Chinese characters and punctuation: none may stand in an English message.</summary>
    [GeneratedRegex(@"[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF]")]
    internal static partial Regex Cjk();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Latin();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}
