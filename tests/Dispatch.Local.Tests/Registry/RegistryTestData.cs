using System.Net;
using System.Text.Json;
using Dispatch.Core.Api;

namespace Dispatch.Local.Tests.Registry;

/// <summary>Forms for the registry tests. In the demo community no member of building b1 (grid g1) offers
/// tutoring, so a tutor living there is the closest match for a tutoring order placed in b1.</summary>
internal static class RegistryTestData
{
    public static MemberRequest Tutor(string phone = "13500000001", string name = "赵老师") =>
        new(name, phone, "g1", "b1", ["Tutoring"], []);

    public static RegistrationRequest Applicant(string phone = "13600000001", string name = "钱红") =>
        new(name, phone, "g1", "b1", ["Tutoring", "Visit"], [], "每月辅导社区孩子两次。");

    public static PlaceOrderRequest TutoringInB1() => LocalHostFixture.Form(category: "Tutoring", grid: "g1", building: "b1");

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.EndsWith("/" + type, body.GetProperty("type").GetString(), StringComparison.Ordinal);
        return body;
    }
}
