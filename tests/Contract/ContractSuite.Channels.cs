using Dispatch.Core.Api;

namespace Dispatch.Contract.Tests;

/// <summary>Push on a phone, turned off, on both hosts: the host forgets the subscription, and saying so again is no error.</summary>
public abstract partial class ContractSuite
{
    [Fact]
    public async Task Turning_push_off_answers_204_every_time_and_needs_the_endpoint()
    {
        await using var host = await StartAsync();
        var phone = new PushEndpointRequest("https://push.example.org/send/contract");
        foreach (var (route, token) in new[] { (ChannelRoutes.MemberPush, host.MemberToken(host.SpareMemberId)), (ChannelRoutes.OrganizerPush, host.OrganizerToken()) })
        {
            Assert.Equal(204, (await SendAsync(host, "DELETE", route, token, phone)).Status);
            Assert.Equal(204, (await SendAsync(host, "DELETE", route, token, phone)).Status);
            Assert.Equal((400, "validation"), Problem(await SendAsync(host, "DELETE", route, token, new PushEndpointRequest(""))));
        }

        Assert.Equal(403, (await SendAsync(host, "DELETE", ChannelRoutes.MemberPush, host.OrganizerToken(), phone)).Status);
    }
}
