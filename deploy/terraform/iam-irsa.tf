locals {
  # AWS validates the EKS and GitHub issuers against its own trusted CAs and ignores these, but
  # the argument is still read, so each gets its issuer's root CA thumbprint.
  eks_oidc_thumbprint = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280"

  oidc_issuer_host = replace(aws_eks_cluster.main.identity[0].oidc[0].issuer, "https://", "")

  lb_controller_service_account = "system:serviceaccount:kube-system:aws-load-balancer-controller"
  # The driver's controller (efs-csi-controller-sa) and node (efs-csi-node-sa) service accounts.
  efs_csi_service_accounts = "system:serviceaccount:kube-system:efs-csi-*"
}

resource "aws_iam_openid_connect_provider" "eks" {
  url             = aws_eks_cluster.main.identity[0].oidc[0].issuer
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = [local.eks_oidc_thumbprint]
}

data "aws_iam_policy_document" "lb_controller_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.eks.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer_host}:sub"
      values   = [local.lb_controller_service_account]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer_host}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

# The controller's policy exactly as its project publishes it for the release installed,
# downloaded before apply (iam/README.md); not kept in this repository.
resource "aws_iam_policy" "lb_controller" {
  name        = "${local.name}-AWSLoadBalancerControllerIAMPolicy"
  description = "What the AWS Load Balancer Controller needs to manage the ALB of the ${local.name} cluster"
  policy      = file("${path.module}/${var.lb_controller_policy_file}")
}

resource "aws_iam_role" "lb_controller" {
  name               = "${local.name}-aws-load-balancer-controller"
  assume_role_policy = data.aws_iam_policy_document.lb_controller_trust.json
}

resource "aws_iam_role_policy_attachment" "lb_controller" {
  role       = aws_iam_role.lb_controller.name
  policy_arn = aws_iam_policy.lb_controller.arn
}

data "aws_iam_policy_document" "efs_csi_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.eks.arn]
    }

    condition {
      test     = "StringLike"
      variable = "${local.oidc_issuer_host}:sub"
      values   = [local.efs_csi_service_accounts]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer_host}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "efs_csi" {
  name               = "${local.name}-efs-csi-driver"
  assume_role_policy = data.aws_iam_policy_document.efs_csi_trust.json
}

resource "aws_iam_role_policy_attachment" "efs_csi" {
  role       = aws_iam_role.efs_csi.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonEFSCSIDriverPolicy"
}
