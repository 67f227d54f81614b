// Which identity providers this deployment trusts.
// The playground's "act as user" picker signs tokens with the sandbox's own
// test provider, whose issuer is the deployment's URL. In a real app you list
// your provider here (Clerk, Auth0, Convex Auth, ...) instead.
export default {
  providers: [{ domain: process.env.CONVEX_CLOUD_URL!, applicationID: "convex" }],
};
