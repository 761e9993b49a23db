using Dispatch.Core.Api;
using Dispatch.Core.Reports;
using Dispatch.Local.Tests.Reports;
using Dispatch.Testing;
using Microsoft.Playwright;

namespace Dispatch.Local.Tests.Browser;

/// <summary>Every page at 360 px, in Chinese and in English, with the demo's data and real links: nothing
/// scrolls sideways, and no UI text shows in the other language (no <c>data-i18n</c> element keeps the other
/// language's text or names a missing key, no visible text is a phrase only the other dictionary has, and a
/// problem a page shows in Chinese starts in Chinese).</summary>
[Collection(AzuriteCollection.Name)]
public class NarrowScreenWalkTests(AzuriteFixture azurite)
{
    private const int Width = 360;

    /// <summary>Runs in the page: what is in the wrong language, as readable lines.</summary>
    private const string WrongLanguage = """
        async () => {
          const { dictionariesForTests: d, lang } = await import('/i18n.js');
          const mine = d[lang()], other = d[lang() === 'zh' ? 'en' : 'zh'];
          const visible = el => el && el.checkVisibility({ visibilityProperty: true });
          const wrong = [];
          for (const el of document.querySelectorAll('[data-i18n]')) {
            const key = el.getAttribute('data-i18n');
            // A page may replace the text (a greeting with the member's name), never with the other language's.
            const stale = other[key] !== mine[key] && el.textContent === other[key];
            if (visible(el) && (!(key in mine) || stale)) wrong.push(`[data-i18n=${key}] shows "${el.textContent}"`);
          }
          const myValues = new Set(Object.values(mine));
          const otherOnly = new Set(Object.values(other).filter(v => !myValues.has(v) && !v.includes('{') && v.length > 2));
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const text = walker.currentNode.textContent.trim();
            if (otherOnly.has(text) && visible(walker.currentNode.parentElement)) wrong.push(`"${text}" in ${walker.currentNode.parentElement.outerHTML.slice(0, 120)}`);
          }
          // Problems shown on a page (a broken link, an unknown proof) speak Chinese first in Chinese.
          if (lang() === 'zh') {
            for (const el of document.querySelectorAll('.msg-error, [role=alert]')) {
              const text = el.textContent.trim();
              if (text && visible(el) && !/^[^A-Za-z]*[\u4e00-\u9fff]/.test(text)) wrong.push(`problem not in Chinese first: "${text}"`);
            }
          }
          return wrong;
        }
        """;

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task Every_page_fits_360_px_and_speaks_one_language(string language)
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var served = await ReportEndpointTests.ServeAsync(host, 3m);
        var servedToken = host.MemberToken(served);
        var proof = await host.CallAsync<MemberProofView>(HttpMethod.Post, ReportRoutes.MyProofs, servedToken, new IssueProofRequest(2026));
        var placed = await host.PlaceAsync(LocalHostFixture.Form(category: "Repair", urgent: false));
        var offered = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        await host.RunLoopsAsync();
        var organizer = host.OrganizerToken();

        string[] pages =
        [
            "/",
            Routes.TrackingPage(placed.OrderId, placed.Token),
            Routes.TrackingPage(placed.OrderId, "broken"),
            Routes.MemberPage(servedToken),
            Routes.MemberPage(host.MemberToken(offered)),
            Routes.OfferPage(placed.OrderId, host.Links.OfferToken(placed.OrderId, offered, host.Clock.GetUtcNow().AddHours(1))),
            Routes.OrganizerPage(organizer),
            RegistryRoutes.RegisterPage(host.Links.RegistrationToken(LocalHostFixture.CommunityId)),
            "/report.html?t=" + Uri.EscapeDataString(organizer),
            "/tree.html?t=" + Uri.EscapeDataString(organizer),
            "/admin.html?t=" + Uri.EscapeDataString(host.Links.AdministratorToken("admin-zhao")),
            ReportRoutes.ProofPage(proof.Number, servedToken),
            ReportRoutes.VerifyPage(proof.Number),
            ReportRoutes.VerifyPage("ZM-2026-NOPE"),
            "/signin.html",
            "/find.html",
        ];

        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.SetViewportSizeAsync(Width, 780);
        await page.Context.AddInitScriptAsync($"localStorage.setItem('dispatch.lang', '{language}')");
        var found = new List<string>();
        foreach (var (path, index) in pages.Select((p, i) => (p, i)))
        {
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            var name = path.Split('?')[0];
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width > Width)
            {
                var culprits = await page.EvaluateAsync<string[]>(Wider, Width);
                found.Add($"{name} ({language}) is {width} px wide: {string.Join(" | ", culprits)}");
            }

            found.AddRange((await page.EvaluateAsync<string[]>(WrongLanguage)).Select(w => $"{name} ({language}): {w}"));
            await Chromium.ShotAsync(page, $"11-walk-{language}-{Width}-{index:00}-{name.Trim('/').Replace(".html", "", StringComparison.Ordinal) switch { "" => "index", var n => n }}");
        }

        Assert.True(found.Count == 0, string.Join("\n", found));
        Assert.Empty(chromium.PageErrors);
    }

    /// <summary>Runs in the page: the innermost elements reaching past the width, to say what to fix.</summary>
    private const string Wider = """
        width => [...document.body.querySelectorAll('*')]
          .filter(el => el.getBoundingClientRect().right > width + 0.5 && ![...el.children].some(c => c.getBoundingClientRect().right > width + 0.5))
          .slice(0, 5).map(el => el.outerHTML.slice(0, 140))
        """;
}
