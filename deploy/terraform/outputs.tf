output "region" {
  description = "Region everything is in."
  value       = var.region
}

output "cluster_name" {
  description = "EKS cluster name (aws eks update-kubeconfig --name)."
  value       = aws_eks_cluster.main.name
}

output "cluster_endpoint" {
  description = "Kubernetes API endpoint (private unless public CIDRs were given)."
  value       = aws_eks_cluster.main.endpoint
}

output "cluster_oidc_issuer_url" {
  description = "The cluster's OIDC issuer, for further IRSA roles."
  value       = aws_eks_cluster.main.identity[0].oidc[0].issuer
}

output "vpc_id" {
  description = "VPC id (the load balancer controller's vpcId value)."
  value       = aws_vpc.main.id
}

output "vpc_cidr" {
  description = "VPC CIDR: the NetworkPolicy's egress to the managed database and Redis."
  value       = aws_vpc.main.cidr_block
}

output "private_subnet_ids" {
  description = "Private subnets (nodes, data stores)."
  value       = aws_subnet.private[*].id
}

output "public_subnet_ids" {
  description = "Public subnets (the ALB)."
  value       = aws_subnet.public[*].id
}

output "node_security_group_id" {
  description = "Security group on every node, the only source the data stores admit."
  value       = aws_security_group.nodes.id
}

output "ecr_repository_url" {
  description = "Image repository for the release workflow and the prod overlay."
  value       = aws_ecr_repository.karina.repository_url
}

output "rds_endpoint" {
  description = "MariaDB host name for KARINA_DB_URL."
  value       = aws_db_instance.main.address
}

output "rds_port" {
  description = "MariaDB port."
  value       = aws_db_instance.main.port
}

output "rds_master_user_secret_arn" {
  description = "Secrets Manager secret with the generated master credentials (username, password)."
  value       = aws_db_instance.main.master_user_secret[0].secret_arn
}

output "redis_primary_endpoint" {
  description = "Redis primary host name for KARINA_REDIS_URL (rediss://, port 6379)."
  value       = aws_elasticache_replication_group.main.primary_endpoint_address
}

output "redis_url_secret_arn" {
  description = "Secrets Manager secret whose key url is the whole KARINA_REDIS_URL."
  value       = aws_secretsmanager_secret.redis.arn
}

output "certificate_arn" {
  description = "Validated ACM certificate for the Ingress annotation alb.ingress.kubernetes.io/certificate-arn."
  value       = aws_acm_certificate_validation.main.certificate_arn
}

output "waf_web_acl_arn" {
  description = "WAFv2 web ACL for the Ingress annotation alb.ingress.kubernetes.io/wafv2-acl-arn."
  value       = aws_wafv2_web_acl.main.arn
}

output "efs_file_system_id" {
  description = "EFS file system id for the efs-sc StorageClass (deploy/monitoring)."
  value       = aws_efs_file_system.monitoring.id
}

output "lb_controller_role_arn" {
  description = "IRSA role for the aws-load-balancer-controller service account in kube-system."
  value       = aws_iam_role.lb_controller.arn
}

output "efs_csi_role_arn" {
  description = "IRSA role of the EFS CSI driver (the EKS add-on already uses it)."
  value       = aws_iam_role.efs_csi.arn
}

output "github_actions_role_arn" {
  description = "Role the release workflow assumes (aws-actions/configure-aws-credentials role-to-assume)."
  value       = aws_iam_role.github_actions.arn
}

output "bastion_autoscaling_group" {
  description = "Auto scaling group of the SSM bastion (find its instance, then aws ssm start-session)."
  value       = aws_autoscaling_group.bastion.name
}
