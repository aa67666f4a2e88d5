# Every rule is its own aws_vpc_security_group_*_rule resource, one source each. The database,
# Redis and EFS admit only the nodes' security group (pods use their node's ENIs, so this is
# "only the pods"), the database also the bastion; nothing here admits a CIDR. The ALB's
# security group is created and managed by the load balancer controller.

resource "aws_security_group" "nodes" {
  name        = "${local.name}-nodes"
  description = "EKS worker nodes of ${local.name}; the source the data stores admit"
  vpc_id      = aws_vpc.main.id

  tags = { Name = "${local.name}-nodes" }
}

resource "aws_vpc_security_group_egress_rule" "nodes_all" {
  security_group_id = aws_security_group.nodes.id
  description       = "Nodes and pods reach AWS APIs, ECR and the data stores"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_security_group" "db" {
  name        = "${local.name}-db"
  description = "RDS MariaDB of ${local.name}: 3306 from the nodes and the bastion only"
  vpc_id      = aws_vpc.main.id

  tags = { Name = "${local.name}-db" }
}

resource "aws_vpc_security_group_ingress_rule" "db_from_nodes" {
  security_group_id            = aws_security_group.db.id
  description                  = "MariaDB from the EKS nodes"
  ip_protocol                  = "tcp"
  from_port                    = 3306
  to_port                      = 3306
  referenced_security_group_id = aws_security_group.nodes.id
}

resource "aws_vpc_security_group_ingress_rule" "db_from_bastion" {
  security_group_id            = aws_security_group.db.id
  description                  = "MariaDB from the SSM bastion (operators, migrations by hand)"
  ip_protocol                  = "tcp"
  from_port                    = 3306
  to_port                      = 3306
  referenced_security_group_id = aws_security_group.bastion.id
}

resource "aws_security_group" "redis" {
  name        = "${local.name}-redis"
  description = "ElastiCache Redis of ${local.name}: 6379 from the nodes only"
  vpc_id      = aws_vpc.main.id

  tags = { Name = "${local.name}-redis" }
}

resource "aws_vpc_security_group_ingress_rule" "redis_from_nodes" {
  security_group_id            = aws_security_group.redis.id
  description                  = "Redis from the EKS nodes"
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  referenced_security_group_id = aws_security_group.nodes.id
}

resource "aws_security_group" "efs" {
  name        = "${local.name}-efs"
  description = "EFS mount targets of ${local.name}: NFS from the nodes only"
  vpc_id      = aws_vpc.main.id

  tags = { Name = "${local.name}-efs" }
}

resource "aws_vpc_security_group_ingress_rule" "efs_from_nodes" {
  security_group_id            = aws_security_group.efs.id
  description                  = "NFS from the EKS nodes (EFS CSI driver)"
  ip_protocol                  = "tcp"
  from_port                    = 2049
  to_port                      = 2049
  referenced_security_group_id = aws_security_group.nodes.id
}

# No ingress rule at all: sessions arrive through SSM, which the instance dials out to.
resource "aws_security_group" "bastion" {
  name        = "${local.name}-bastion"
  description = "SSM bastion of ${local.name}: no inbound rules, sessions come through SSM"
  vpc_id      = aws_vpc.main.id

  tags = { Name = "${local.name}-bastion" }
}

resource "aws_vpc_security_group_egress_rule" "bastion_https" {
  security_group_id = aws_security_group.bastion.id
  description       = "SSM, EKS API and package mirrors over HTTPS"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "bastion_db" {
  security_group_id            = aws_security_group.bastion.id
  description                  = "MariaDB"
  ip_protocol                  = "tcp"
  from_port                    = 3306
  to_port                      = 3306
  referenced_security_group_id = aws_security_group.db.id
}

# The cluster endpoint is private: the bastion reaches it through the cluster security group.
resource "aws_vpc_security_group_ingress_rule" "cluster_api_from_bastion" {
  security_group_id            = aws_eks_cluster.main.vpc_config[0].cluster_security_group_id
  description                  = "Kubernetes API from the SSM bastion"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.bastion.id
}
