using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dispatch.Local.Tests.Browser;

/// <summary>Debian's Chromium driven by Playwright. Never downloads a browser: if /usr/bin/chromium is
/// missing the test fails and says how to install it.</summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>Where the tests leave screenshots for people to look at.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<Chromium> LaunchAsync()
    {
        Assert.True(
            File.Exists(ExecutablePath),
            $"Browser tests need Chromium at {ExecutablePath}: run `apt-get update && apt-get install -y chromium fonts-noto-cjk` "
            + "(never `playwright install`).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>A fresh profile (empty localStorage, so pages start in Chinese) on a phone-sized or desktop screen.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, bool phone = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 800 },
            DeviceScaleFactor = 1,
            HasTouch = phone,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => PageErrors.Add(error);
        return page;
    }

    /// <summary>Waits until the page's address matches the glob <paramref name="url"/> (<c>**</c> any characters, <c>*</c> any
    /// but '/', the rest literal, the whole address), by reading the address until it does (Playwright's <c>ToHaveURLAsync</c>),
    /// not by waiting for a navigation event: <c>WaitForURLAsync</c> now and then missed the organizer's arrival and timed out
    /// with the page already at organizer.html. The checks after it wait for the page's content. When the address never
    /// matches, the failure names where the page is and what its status line says.</summary>
    public static async Task ArriveAsync(IPage page, string url)
    {
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(Glob(url), new PageAssertionsToHaveURLOptions { Timeout = 15_000 });
        }
        catch (PlaywrightException e)
        {
            string status;
            try
            {
                status = string.Join(" | ", await page.Locator("#status").AllInnerTextsAsync());
            }
            catch (PlaywrightException)
            {
                status = "(unreadable)";
            }

            throw new TimeoutException($"Never reached {url}: the page is at {page.Url}, its #status says \"{status}\".", e);
        }
    }

    private static Regex Glob(string glob) =>
        new("^" + Regex.Escape(glob).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$");

    /// <summary>Uncaught script errors in any page; tests assert there are none.</summary>
    public List<string> PageErrors { get; } = [];

    public static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
