data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_availability_zones" "available" {
  state = "available"

  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }
}

locals {
  name = var.cluster_name

  # Two zones: every tier below (subnets, NAT, nodes, RDS Multi-AZ, Redis replicas, EFS mount
  # targets) is spread over exactly these.
  azs = slice(data.aws_availability_zones.available.names, 0, 2)

  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  tags = merge(var.tags, {
    "app.kubernetes.io/part-of" = "karina"
    "managed-by"                = "terraform"
  })
}
